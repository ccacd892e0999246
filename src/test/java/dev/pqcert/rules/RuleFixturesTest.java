package dev.pqcert.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.MezPacker;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.parse.Span;
import dev.pqcert.testing.Connectors;
import dev.pqcert.testing.Expectations;
import dev.pqcert.testing.Expectations.Expected;
import dev.pqcert.testing.Snapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code src/test/resources/fixtures/<rule id>/}: a {@code .pq} file or a
 * folder is one connector. Two checks, as Checkstyle and Ruff pin a rule. A folder named {@code
 * X.mez} is packed into a package of that name first.
 *
 * <ul>
 *   <li>its {@code // expect:} markers, which may name only the folder's rule, equal that rule's
 *       findings line for line (the quick check, readable in the fixture);
 *   <li>every finding the fixture produces, of every rule, with file, start and end line and
 *       column, level and message, equals the snapshot beside it ({@code <fixture>.snap}), so that
 *       any change to what a user sees fails a test. After an intended change, rewrite the
 *       snapshots with {@code mvn test -Dtest=RuleFixturesTest -Dpqcert.updateSnapshots=true} and
 *       review their diff.
 * </ul>
 */
class RuleFixturesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Path TARGETS = Path.of("target/fixture-targets");
  static final String SNAPSHOT_SUFFIX = ".snap";

  /** The longest message a finding may have: the full story is in related places and the path. */
  static final int MESSAGE_LIMIT = 300;

  @TestFactory
  Stream<DynamicTest> fixtures() {
    List<Path> ruleFolders = ruleFolders();
    assertFalse(ruleFolders.isEmpty(), "no fixtures found under " + FIXTURES.toAbsolutePath());
    return ruleFolders.stream().flatMap(RuleFixturesTest::fixturesOf);
  }

  @Test
  void everyFixtureFolderIsARegisteredRule() {
    List<String> unknown =
        ruleFolders().stream()
            .map(folder -> folder.getFileName().toString())
            .filter(id -> !Connectors.RULES.ids().contains(id))
            .toList();
    assertEquals(List.of(), unknown, "fixture folders that name no registered rule");
  }

  @Test
  void everySnapshotBelongsToAFixture() {
    List<Path> orphans =
        ruleFolders().stream()
            .flatMap(RuleFixturesTest::entries)
            .filter(RuleFixturesTest::isSnapshot)
            .filter(snapshot -> !Files.exists(fixtureOf(snapshot)))
            .toList();
    assertEquals(List.of(), orphans, "snapshots whose fixture is gone: delete them");
  }

  private static List<Path> ruleFolders() {
    try (Stream<Path> list = Files.list(FIXTURES)) {
      return list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> entries(Path folder) {
    try (Stream<Path> list = Files.list(folder)) {
      return list.sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isSnapshot(Path path) {
    return path.getFileName().toString().endsWith(SNAPSHOT_SUFFIX);
  }

  private static Path fixtureOf(Path snapshot) {
    String name = snapshot.getFileName().toString();
    return snapshot.resolveSibling(name.substring(0, name.length() - SNAPSHOT_SUFFIX.length()));
  }

  private static Stream<DynamicTest> fixturesOf(Path ruleFolder) {
    String ruleId = ruleFolder.getFileName().toString();
    return entries(ruleFolder)
        .filter(entry -> !isSnapshot(entry))
        .map(
            fixture ->
                DynamicTest.dynamicTest(
                    ruleId + "/" + fixture.getFileName(), () -> check(ruleId, fixture)));
  }

  private static void check(String ruleId, Path fixture) throws IOException {
    ConnectorModel model = withReports(fixture);
    List<Expected> markers = Connectors.expectations(model);
    List<Expected> foreign = markers.stream().filter(e -> !e.ruleId().equals(ruleId)).toList();
    assertTrue(
        foreign.isEmpty(),
        fixture + ": markers may name only " + ruleId + " in its own folder, found " + foreign);
    List<Finding> findings = Connectors.check(model);
    for (Finding finding : findings) {
      assertTrue(
          finding.message().length() <= MESSAGE_LIMIT && finding.message().indexOf('\n') < 0,
          "a message is one line of at most "
              + MESSAGE_LIMIT
              + " characters: "
              + finding.message());
    }
    List<Expected> actual =
        Expectations.actual(findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList());
    assertEquals(markers, actual, "findings of " + ruleId + " in " + fixture);
    Path snapshot = fixture.resolveSibling(fixture.getFileName() + SNAPSHOT_SUFFIX);
    Snapshots.assertMatches(snapshot, render(findings), "every finding of " + fixture);
  }

  /**
   * The connector a fixture stands for, with its test report when it has one: a {@code .pq} file
   * whose connector is followed by {@code // report query: Name} sections (see {@link
   * Connectors#splitReport}), or a folder holding a report beside the connector (a Power BI
   * project's {@code *.SemanticModel} folder, read by the real reader).
   */
  private static ConnectorModel withReports(Path fixture) throws IOException {
    if (Files.isDirectory(fixture)) {
      List<dev.pqcert.bundle.TestReport> reports = new java.util.ArrayList<>();
      for (Path child : entries(fixture).toList()) {
        if (dev.pqcert.bundle.TestReportReader.isTestReport(child)) {
          try {
            reports.add(
                new dev.pqcert.bundle.TestReportReader()
                    .read(child, child.getFileName().toString()));
          } catch (InputException e) {
            throw new IOException(e.getMessage(), e);
          }
        }
      }
      ConnectorModel model = Connectors.model(asTarget(fixture));
      return reports.isEmpty()
          ? model
          : model.withSubmission(
              dev.pqcert.model.Submission.of(
                  model, reports.stream().map(dev.pqcert.model.ParsedReport::of).toList()));
    }
    // Fixtures in other encodings (PQ003) have no report: only UTF-8 text is split.
    byte[] bytes = Files.readAllBytes(fixture);
    boolean mayHaveReport =
        new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains("// report query:");
    Connectors.Submitted submitted =
        Connectors.splitReport(
            mayHaveReport ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : "");
    if (submitted.queries().isEmpty()) {
      return Connectors.model(asTarget(fixture));
    }
    // The connector alone, under the fixture's own name (findings and snapshots name it).
    Path temp = TARGETS.resolve(FIXTURES.relativize(fixture).toString());
    deleteTree(temp);
    Files.createDirectories(temp);
    Path connector = temp.resolve(fixture.getFileName().toString());
    Files.writeString(connector, submitted.connector());
    return Connectors.withReport(Connectors.model(connector), submitted.queries());
  }

  /**
   * The target a fixture stands for: a folder named {@code X.mez} is packed by our packer into a
   * package of that name (rules about the package file itself need one); a folder holding such
   * folders (a build's output, {@code bin/Release/X.mez}) is copied with each of them packed;
   * anything else as it is.
   */
  private static Path asTarget(Path fixture) throws IOException {
    String name = fixture.getFileName().toString();
    if (!Files.isDirectory(fixture)) {
      return fixture;
    }
    // Under the build's output, one place per fixture, made afresh on each run.
    Path temp = TARGETS.resolve(FIXTURES.relativize(fixture).toString());
    deleteTree(temp);
    Files.createDirectories(temp);
    if (name.endsWith(".mez")) {
      return packed(fixture, temp.resolve(name));
    }
    List<Path> packages;
    try (Stream<Path> walk = Files.walk(fixture)) {
      packages = walk.filter(p -> !p.equals(fixture) && isPackageFolder(p)).sorted().toList();
    }
    if (packages.isEmpty()) {
      return fixture;
    }
    Path copy = temp.resolve(name);
    try (Stream<Path> walk = Files.walk(fixture)) {
      for (Path source : walk.sorted().toList()) {
        if (packages.stream().anyMatch(p -> source.startsWith(p) && !source.equals(p))) {
          continue;
        }
        Path target = copy.resolve(fixture.relativize(source).toString());
        if (packages.contains(source)) {
          packed(source, target);
        } else if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return copy;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static boolean isPackageFolder(Path path) {
    return Files.isDirectory(path) && path.getFileName().toString().endsWith(".mez");
  }

  private static Path packed(Path folder, Path mez) throws IOException {
    try {
      Files.write(mez, MezPacker.pack(folder));
    } catch (InputException e) {
      throw new IOException(e.getMessage(), e);
    }
    return mez;
  }

  /**
   * One line per finding in report order: {@code file:line:col-line:col LEVEL RULE message}, or
   * {@code (package) LEVEL RULE message}; then, indented, its related places and its path, one line
   * each ({@code related file:line:col label}, {@code path file:line:col label}). Line breaks
   * inside a message are written as {@code \n} so that a finding stays one line.
   */
  static String render(List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    findings.stream()
        .sorted(Finding.ORDER)
        .forEach(
            finding -> {
              out.append(line(finding)).append('\n');
              for (Finding.Related related : finding.related()) {
                out.append("  related ").append(place(related)).append('\n');
              }
              for (Finding.Related step : finding.path()) {
                out.append("  path ").append(place(step)).append('\n');
              }
            });
    return out.toString();
  }

  private static String place(Finding.Related place) {
    Span span = place.location().span();
    return String.format(
        Locale.ROOT,
        "%s:%d:%d %s",
        place.location().file(),
        span.start().line(),
        span.start().column(),
        escape(place.label()));
  }

  private static String line(Finding finding) {
    String where =
        finding
            .location()
            .map(
                l -> {
                  Span span = l.span();
                  return String.format(
                      Locale.ROOT,
                      "%s:%d:%d-%d:%d",
                      l.file(),
                      span.start().line(),
                      span.start().column(),
                      span.end().line(),
                      span.end().column());
                })
            .orElse("(package)");
    return where + " " + finding.level() + " " + finding.ruleId() + " " + escape(finding.message());
  }

  private static String escape(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
