package dev.pqcert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    return Stream.of(ReportFormat.SARIF, ReportFormat.GITHUB)
        .map(
            format ->
                DynamicTest.dynamicTest(
                    "Contoso with --source-root as " + format.key(),
                    () ->
                        compareWith(
                            "Contoso-source-root." + extension(format),
                            "check",
                            "--format",
                            format.key(),
                            "--source-root",
                            "samples/good/Contoso",
                            "samples/good/Contoso.mez")));
  }

  @TestFactory
  Stream<DynamicTest> insidePackageSnapshots() {
    // Every sample's source folder is beside its package, and found there. A source root that does
    // not hold the package's files leaves the locations inside the package, relative to it.
    return Stream.of(ReportFormat.SARIF, ReportFormat.GITHUB)
        .map(
            format ->
                DynamicTest.dynamicTest(
                    "Woodgrove located inside the package as " + format.key(),
                    () ->
                        compareWith(
                            "Woodgrove-inside-package." + extension(format),
                            "check",
                            "--format",
                            format.key(),
                            "--source-root",
                            "samples",
                            "samples/bad/Woodgrove.mez")));
  }

  @TestFactory
  Stream<DynamicTest> configuredSnapshots() {
    // A configuration that switches a rule off and moves another: each format that states the
    // configuration in force states both.
    return Stream.of(ReportFormat.SARIF, ReportFormat.JSON, ReportFormat.MARKDOWN)
        .map(
            format ->
                DynamicTest.dynamicTest(
                    "Woodgrove with a configuration as " + format.key(),
                    () ->
                        compareWith(
                            "Woodgrove-config." + extension(format),
                            "check",
                            "--format",
                            format.key(),
                            "--config",
                            "src/test/resources/config/overrides.yaml",
                            "samples/bad/Woodgrove.mez")));
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
      case MARKDOWN -> "md";
    };
  }

  private static void compareWith(String snapshot, String... args) throws IOException {
    StringWriter out = new StringWriter();
    Main.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    String actual = out.toString();
    Path file = SNAPSHOTS.resolve(snapshot);
    if (Boolean.getBoolean("pqcert.updateSnapshots")) {
      Files.createDirectories(SNAPSHOTS);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(
        Files.exists(file),
        file + " is missing; create it with -Dpqcert.updateSnapshots=true and review it");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, snapshot);
  }
}
