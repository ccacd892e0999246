package dev.pqcert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index the build compiles from the rule documents says what the documents say. */
class RuleIndexTest {
  private static Map<String, RuleIndex.Entry> fromDocuments() throws IOException {
    Map<String, RuleIndex.Entry> entries = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        RuleDoc doc = RuleDoc.parse(Files.readString(file, StandardCharsets.UTF_8));
        entries.put(doc.id(), RuleIndex.Entry.of(doc));
      }
    }
    return entries;
  }

  @Test
  void theBuiltIndexAgreesWithEveryDocument() throws IOException {
    Map<String, RuleIndex.Entry> built = RuleIndex.load().orElseThrow();
    assertEquals(fromDocuments(), built);
    assertTrue(built.values().stream().anyMatch(RuleIndex.Entry::judgesPackageContents));
  }

  @Test
  void theRegistryTakesLevelsAndTitlesFromTheIndex() throws IOException {
    RuleRegistry registry = RuleRegistry.builtIn();
    Map<String, RuleIndex.Entry> documents = fromDocuments();
    for (RuleIndex.Entry entry : registry.entries()) {
      assertEquals(documents.get(entry.id()), entry);
    }
    assertEquals(registry.ids(), documents.keySet());
  }

  @Test
  void writingThenReadingKeepsEveryField(@TempDir Path folder) throws IOException {
    Path index = folder.resolve("out/index.tsv");
    RuleIndex.main(new String[] {"rules", index.toString()});
    String text = Files.readString(index, StandardCharsets.UTF_8);
    assertTrue(
        text.startsWith(
            "PQ001\tMUST\t\t0.1.0\tEvery M file parses\tUse Section document format.\n"),
        text);
    assertEquals(fromDocuments(), RuleIndex.read(new BufferedReader(new StringReader(text))));
  }

  @Test
  void aMalformedLineIsAnError() {
    IOException error =
        assertThrows(
            IOException.class,
            () ->
                RuleIndex.read(
                    new BufferedReader(new StringReader("PQ001\tMUST\t\t0.1.0\tA title\n"))));
    assertEquals(
        "malformed line in /rules/index.tsv: PQ001\tMUST\t\t0.1.0\tA title", error.getMessage());
  }

  @Test
  void aTitleWithATabCannotBeIndexed(@TempDir Path folder) throws IOException {
    String document =
        Files.readString(Path.of("rules/PQ011.md"), StandardCharsets.UTF_8)
            .replaceFirst("(?m)^title: .*$", "title: \"The\\\\tsection\"");
    Files.writeString(folder.resolve("PQ011.md"), document, StandardCharsets.UTF_8);
    IOException error =
        assertThrows(
            IOException.class,
            () ->
                RuleIndex.main(
                    new String[] {folder.toString(), folder.resolve("index.tsv").toString()}));
    assertTrue(error.getMessage().endsWith("the title holds a tab or a line break"));
  }

  @Test
  void aRequirementOnTwoLinesOrNoneCannotBeIndexed(@TempDir Path folder) throws IOException {
    String document = Files.readString(Path.of("rules/PQ011.md"), StandardCharsets.UTF_8);
    String[] args = {folder.toString(), folder.resolve("index.tsv").toString()};
    Files.writeString(
        folder.resolve("PQ011.md"),
        document.replaceFirst("(?m)^requirement: .*$", "requirement: \"Contain\\\\na header\""),
        StandardCharsets.UTF_8);
    IOException twoLines = assertThrows(IOException.class, () -> RuleIndex.main(args));
    assertTrue(
        twoLines.getMessage().endsWith("the requirement holds a tab or a line break"),
        twoLines.getMessage());
    Files.writeString(
        folder.resolve("PQ011.md"),
        document.replaceFirst("(?m)^since: .*\\R", ""),
        StandardCharsets.UTF_8);
    IOException none = assertThrows(IOException.class, () -> RuleIndex.main(args));
    assertTrue(none.getMessage().endsWith("PQ011.md: no since"), none.getMessage());
  }

  @Test
  void aDocumentLoadedThroughTheIndexIsTheDocumentItself() {
    RuleRegistry registry = RuleRegistry.builtIn();
    assertEquals(registry.ids().size(), registry.docs().size());
    for (RuleDoc doc : registry.docs()) {
      // Every field: front matter from the index, sections and text from the document.
      assertEquals(RuleDoc.load(doc.id()), doc, doc.id());
    }
    assertEquals(
        registry.rules().stream().map(Rule::id).toList(),
        registry.docs().stream().map(RuleDoc::id).toList(),
        "in the rules' order");
  }
}
