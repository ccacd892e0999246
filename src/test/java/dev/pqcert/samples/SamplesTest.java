package dev.pqcert.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.bundle.MezPacker;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.rules.Finding;
import dev.pqcert.testing.Connectors;
import dev.pqcert.testing.Expectations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The sample connectors: each committed .mez is exactly what its sources pack to, the good sample
 * has no finding, and each bad sample has exactly the findings its markers state.
 */
class SamplesTest {
  private static final Path SAMPLES = Path.of("samples");

  static List<Path> sourceFolders() throws IOException {
    try (Stream<Path> kinds = Stream.of(SAMPLES.resolve("good"), SAMPLES.resolve("bad"))) {
      return kinds
          .flatMap(
              kind -> {
                try (Stream<Path> list = Files.list(kind)) {
                  return list
                      .filter(Files::isDirectory)
                      .filter(folder -> !isReportProject(folder))
                      .sorted()
                      .toList()
                      .stream();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  /** A Power BI project beside the connectors is a sample test report, not a connector. */
  private static boolean isReportProject(Path folder) {
    try (Stream<Path> list = Files.list(folder)) {
      return list.anyMatch(p -> p.getFileName().toString().endsWith(".pbip"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> samples() throws IOException {
    List<Path> folders = sourceFolders();
    assertTrue(folders.size() >= 3, "samples/good and samples/bad hold the sample connectors");
    return folders.stream()
        .flatMap(
            folder ->
                Stream.of(
                    DynamicTest.dynamicTest(
                        folder + " .mez matches its sources", () -> packageMatches(folder)),
                    DynamicTest.dynamicTest(
                        folder + " findings match its markers", () -> findingsMatch(folder))));
  }

  private static void packageMatches(Path folder) throws Exception {
    Path mez = folder.resolveSibling(folder.getFileName() + ".mez");
    assertTrue(
        Files.exists(mez),
        mez + " is missing; build it with ./pqcert pack " + folder + " -o " + mez);
    assertArrayEquals(
        MezPacker.pack(folder),
        Files.readAllBytes(mez),
        mez + " is stale; rebuild it with ./pqcert pack " + folder + " -o " + mez);
  }

  private static void findingsMatch(Path folder) {
    Path mez = folder.resolveSibling(folder.getFileName() + ".mez");
    ConnectorModel model = Connectors.model(mez);
    List<Finding> findings = Connectors.check(model);
    assertEquals(
        Connectors.expectations(model), Expectations.actual(findings), "findings of " + mez);
    if (folder.getParent().getFileName().toString().equals("good")) {
      // A certifiable connector: nothing to fix. REVIEW findings are the reviewer's questions
      // (where credentials go), marked in the sample like any other expected finding.
      assertTrue(
          findings.stream().allMatch(f -> f.level() == dev.pqcert.rules.Level.REVIEW),
          "the good sample has no MUST or SHOULD finding: " + findings);
    } else {
      assertFalse(findings.isEmpty(), "a bad sample shows at least one finding");
    }
  }
}
