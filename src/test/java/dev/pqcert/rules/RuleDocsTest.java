package dev.pqcert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.testing.Connectors;
import dev.pqcert.testing.Expectations;
import dev.pqcert.testing.Expectations.Expected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every rule has a well-formed document, and the document's examples do what they claim. */
class RuleDocsTest {
  private static final Path RULES_FOLDER = Path.of("rules");

  @TempDir Path temp;

  @Test
  void everyRuleHasItsDocumentAndEveryDocumentARule() throws IOException {
    List<String> ruleIds = Connectors.RULES.rules().stream().map(Rule::id).toList();
    List<String> documented;
    try (Stream<Path> files = Files.list(RULES_FOLDER)) {
      documented =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".md"))
              .map(n -> n.substring(0, n.length() - 3))
              .sorted()
              .toList();
    }
    assertEquals(documented, ruleIds, "rules/*.md and the registered rules differ");
    assertEquals(ruleIds.stream().distinct().sorted().toList(), ruleIds, "ids unique and sorted");
    for (String id : ruleIds) {
      assertTrue(id.matches("PQ\\d{3}"), "rule id " + id + " is not PQ followed by 3 digits");
    }
  }

  @Test
  void readmeRuleTableListsEveryRuleWithItsLevelAndTitle() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (RuleDoc doc : Connectors.RULES.docs()) {
      String row =
          "| ["
              + doc.id()
              + "](rules/"
              + doc.id()
              + ".md) | "
              + doc.level()
              + " | "
              + doc.title()
              + " |";
      assertTrue(readme.contains(row), "README.md's rule table lacks: " + row);
    }
  }

  @Test
  void documentsHaveTheFixedShape() {
    for (RuleDoc doc : Connectors.RULES.docs()) {
      String where = "rules/" + doc.id() + ".md";
      assertFalse(doc.title() == null || doc.title().isBlank(), where + ": title");
      assertFalse(
          doc.requirement() == null || doc.requirement().isBlank(), where + ": requirement");
      assertFalse(doc.since() == null || doc.since().isBlank(), where + ": since");
      assertEquals(
          RuleDoc.REQUIRED_SECTIONS,
          new ArrayList<>(doc.sections().keySet()),
          where + ": sections");
      for (String section : doc.sections().keySet()) {
        assertFalse(doc.sections().get(section).isBlank(), where + ": empty section " + section);
      }
      assertTrue(doc.example("Bad example").isPresent(), where + ": bad example has no ```m block");
      assertTrue(
          doc.example("Good example").isPresent(), where + ": good example has no ```m block");
    }
  }

  @TestFactory
  Stream<DynamicTest> badExamplesShowTheRuleAndGoodExamplesPass() {
    return Connectors.RULES.docs().stream()
        .flatMap(
            doc ->
                Stream.of(
                    DynamicTest.dynamicTest(
                        doc.id() + " bad example",
                        () -> {
                          List<Expected> expected = runExample(doc, "Bad example", true);
                          assertFalse(
                              expected.isEmpty(),
                              doc.id() + ": the bad example must mark the line it is reported on");
                        }),
                    DynamicTest.dynamicTest(
                        doc.id() + " good example", () -> runExample(doc, "Good example", false))));
  }

  /**
   * Writes an example as a connector: one file {@code Example.pq}, or the files it introduces with
   * {@code // file: Name} lines (a package-level example needs several). {@code // file: X16.png
   * (PNG 16x16)} stands for an image of that format and size, drawn by the test; {@code // file:
   * X.pq (Windows-1252)} for the text saved in that encoding instead of UTF-8.
   */
  private static Path writeExample(Path folder, String example) throws IOException {
    java.util.regex.Matcher header =
        java.util.regex.Pattern.compile(
                "(?m)^// file: (\\S+)(?: \\((PNG|JPEG) (\\d+)x(\\d+)\\)| \\((Windows-1252)\\))?$")
            .matcher(example);
    List<int[]> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    java.util.Map<String, byte[]> images = new java.util.HashMap<>();
    java.util.Set<String> legacyEncoded = new java.util.HashSet<>();
    while (header.find()) {
      starts.add(new int[] {header.start(), header.end()});
      names.add(header.group(1));
      if (header.group(2) != null) {
        images.put(
            header.group(1),
            dev.pqcert.testing.Images.image(
                header.group(2).toLowerCase(java.util.Locale.ROOT),
                Integer.parseInt(header.group(3)),
                Integer.parseInt(header.group(4))));
      }
      if (header.group(5) != null) {
        legacyEncoded.add(header.group(1));
      }
    }
    if (names.isEmpty()) {
      Path file = folder.resolve("Example.pq");
      Files.writeString(file, example);
      return file;
    }
    for (int i = 0; i < names.size(); i++) {
      int from = starts.get(i)[1] + 1;
      int to = i + 1 < names.size() ? starts.get(i + 1)[0] : example.length();
      if (images.containsKey(names.get(i))) {
        Files.write(folder.resolve(names.get(i)), images.get(names.get(i)));
        continue;
      }
      String text = example.substring(Math.min(from, to), to);
      if (legacyEncoded.contains(names.get(i))) {
        Files.write(
            folder.resolve(names.get(i)),
            text.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        continue;
      }
      Files.writeString(folder.resolve(names.get(i)), text);
    }
    // `// package: Name.mez` makes the example a package of that name, built by our packer.
    java.util.regex.Matcher packageName =
        java.util.regex.Pattern.compile("(?m)^// package: (\\S+)$").matcher(example);
    if (packageName.find()) {
      Path mez = folder.resolveSibling(folder.getFileName() + "-pkg").resolve(packageName.group(1));
      Files.createDirectories(mez.getParent());
      try {
        Files.write(mez, dev.pqcert.bundle.MezPacker.pack(folder));
      } catch (dev.pqcert.bundle.InputException e) {
        throw new IOException(e.getMessage(), e);
      }
      return mez;
    }
    return folder;
  }

  /** Checks one example; returns its markers, which must equal the rule's findings. */
  private List<Expected> runExample(RuleDoc doc, String section, boolean bad) throws IOException {
    Path folder = Files.createDirectories(temp.resolve(doc.id() + (bad ? "-bad" : "-good")));
    String example = doc.example(section).orElseThrow();
    Connectors.Submitted submitted = Connectors.splitReport(example);
    ConnectorModel model =
        Connectors.withReport(
            Connectors.model(writeExample(folder, submitted.connector())), submitted.queries());
    List<Expected> expected =
        Connectors.expectations(model).stream().filter(e -> e.ruleId().equals(doc.id())).toList();
    List<Expected> actual =
        Expectations.actual(
            Connectors.check(model).stream().filter(f -> f.ruleId().equals(doc.id())).toList());
    assertEquals(expected, actual, doc.id() + " " + section);
    if (!bad) {
      assertTrue(actual.isEmpty(), doc.id() + ": the good example must not be reported");
    }
    return expected;
  }
}
