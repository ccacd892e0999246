package dev.pqcert.report;

import dev.pqcert.cli.Main;
import dev.pqcert.testing.Snapshots;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins every report format's exact output for the sample packages (Ruff-style snapshots in {@code
 * src/test/resources/snapshots/}). After an intended change, regenerate them with {@code mvn test
 * -Dtest=ReportSnapshotTest -Dpqcert.updateSnapshots=true} and review the diff.
 */
class ReportSnapshotTest {
  static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");
  static final List<String> SAMPLES =
      List.of(
          "samples/good/Contoso.mez",
          "samples/bad/Woodgrove.mez",
          "samples/bad/Litware.mez",
          "samples/bad/Fabrikam.mez");

  @TestFactory
  Stream<DynamicTest> snapshots() {
    return SAMPLES.stream()
        .flatMap(
            sample ->
                Stream.of(ReportFormat.values())
                    .map(
                        format ->
                            DynamicTest.dynamicTest(
                                sample + " as " + format.key(), () -> compare(sample, format))));
  }

  @TestFactory
  Stream<DynamicTest> sourceRootSnapshots() {
    // With the source folder known, SARIF and GitHub point at files a user can open.
    return variants(
        "Contoso with --source-root",
        "Contoso-source-root",
        List.of(ReportFormat.SARIF, ReportFormat.GITHUB, ReportFormat.AZURE),
        "--source-root",
        "samples/good/Contoso",
        "samples/good/Contoso.mez");
  }

  @TestFactory
  Stream<DynamicTest> insidePackageSnapshots() {
    // Every sample's source folder is beside its package, and found there. A source root that does
    // not hold the package's files leaves the locations inside the package, relative to it.
    return variants(
        "Woodgrove located inside the package",
        "Woodgrove-inside-package",
        List.of(ReportFormat.SARIF, ReportFormat.GITHUB, ReportFormat.AZURE),
        "--source-root",
        "samples",
        "samples/bad/Woodgrove.mez");
  }

  @TestFactory
  Stream<DynamicTest> configuredSnapshots() {
    // A configuration that switches a rule off and moves another: each format that states the
    // configuration in force states both.
    return variants(
        "Woodgrove with a configuration",
        "Woodgrove-config",
        List.of(ReportFormat.SARIF, ReportFormat.JSON, ReportFormat.MARKDOWN),
        "--config",
        "src/test/resources/config/overrides.yaml",
        "samples/bad/Woodgrove.mez");
  }

  @TestFactory
  Stream<DynamicTest> flowSnapshots() {
    // Flows: one finding per source with its other places as related locations and its path as a
    // code flow; one reported at the connector's call into a loaded module.
    return variants(
        "Flows",
        "Flows",
        List.of(ReportFormat.SARIF, ReportFormat.JSON, ReportFormat.TEXT),
        "src/test/resources/fixtures/PQ050/credential_parts.pq",
        "src/test/resources/fixtures/PQ054/stock_module");
  }

  @TestFactory
  Stream<DynamicTest> submissionSnapshots() {
    // A test report checked with the good sample's sources: the JSON submission object and the
    // Markdown table say what it tests; every format carries the finding for the item it misses.
    return variants(
        "Contoso with a test report",
        "Contoso-submission",
        List.of(ReportFormat.values()),
        "samples/good/Contoso",
        "src/test/resources/submission/Contoso.SemanticModel");
  }

  /** One snapshot per format of {@code check --format F arguments...}, named {@code name.ext}. */
  private static Stream<DynamicTest> variants(
      String title, String name, List<ReportFormat> formats, String... arguments) {
    return formats.stream()
        .map(
            format ->
                DynamicTest.dynamicTest(
                    title + " as " + format.key(),
                    () -> {
                      List<String> args =
                          new ArrayList<>(List.of("check", "--format", format.key()));
                      args.addAll(List.of(arguments));
                      compareWith(name + "." + extension(format), args.toArray(String[]::new));
                    }));
  }

  private static void compare(String sample, ReportFormat format) throws IOException {
    String name = Path.of(sample).getFileName().toString().replace(".mez", "");
    compareWith(name + "." + extension(format), "check", "--format", format.key(), sample);
  }

  static String extension(ReportFormat format) {
    return switch (format) {
      case TEXT -> "txt";
      case JSON -> "json";
      case SARIF -> "sarif";
      case JUNIT -> "junit.xml";
      case GITHUB -> "github.txt";
      case AZURE -> "azure.txt";
      case MARKDOWN -> "md";
    };
  }

  private static void compareWith(String snapshot, String... args) throws IOException {
    StringWriter out = new StringWriter();
    Main.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    Snapshots.assertMatches(
        SNAPSHOTS.resolve(snapshot), withoutWorkingFolder(out.toString()), snapshot);
  }

  /**
   * A report with the working folder written as {@code <cwd>/} and {@code /} between names, so that
   * the absolute paths of Azure Pipelines issues compare equal wherever the build runs.
   */
  static String withoutWorkingFolder(String report) {
    String cwd = Path.of("").toAbsolutePath().toString() + File.separator;
    StringBuilder out = new StringBuilder();
    for (String line : report.split("(?<=\n)", -1)) {
      if (line.contains(cwd)) {
        line = line.replace(cwd, "<cwd>/");
        if (File.separatorChar != '/') {
          line = line.replace(File.separatorChar, '/');
        }
      }
      out.append(line);
    }
    return out.toString();
  }
}
