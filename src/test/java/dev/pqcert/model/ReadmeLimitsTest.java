package dev.pqcert.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.bundle.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's "Limits" table gives the values the code uses. */
class ReadmeLimitsTest {
  private static Optional<String> row(List<String> readme, String what) {
    return readme.stream().filter(l -> l.startsWith("| " + what + " |")).findFirst();
  }

  private static void assertRow(List<String> readme, String what, String bound) {
    Optional<String> row = row(readme, what);
    assertTrue(row.isPresent(), "README's Limits table has a row '" + what + "'");
    assertTrue(
        row.get().startsWith("| " + what + " | " + bound + " |"),
        "README says " + row.get() + "; the code's bound is " + bound);
  }

  @Test
  void analysisAndReadingBoundsAreTheCodes() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
    assertRow(
        readme,
        "evaluation steps per member or function analysed",
        AnalysisLimit.describe(AnalysisLimit.Kind.STEP_BUDGET));
    assertRow(
        readme,
        "calls nested inside one another",
        AnalysisLimit.describe(AnalysisLimit.Kind.CALL_DEPTH));
    assertRow(
        readme,
        "rounds a recursive function is unrolled",
        String.valueOf(FunctionCalls.MAX_RECURSION));
    Limits limits = Limits.defaults();
    assertRow(readme, "package file read into memory", mib(limits.maxPackageBytes()));
    assertRow(
        readme,
        "files in a package or folder",
        String.format(java.util.Locale.ROOT, "%,d", limits.maxEntries()));
    assertRow(readme, "one file, decompressed", mib(limits.maxEntryBytes()));
    assertRow(readme, "all files, decompressed", mib(limits.maxTotalBytes()));
  }

  private static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }
}
