package dev.pqcert.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pqcert check --fix} and {@code --diff} on the kinds of target. */
class FixCommandTest {
  private static final String UNVERSIONED =
      "section Contoso;\r\n\r\nshared Contoso.Contents = () => 1;\r\n";
  private static final String VERSIONED = "[Version = \"1.0.0\"]\r\n" + UNVERSIONED;

  @TempDir Path temp;

  @Test
  void aFolderTargetsSourceFileIsFixedAndCheckedAgain() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("Contoso"));
    Path file = Files.writeString(folder.resolve("Contoso.pq"), UNVERSIONED);
    CliTest.Run before = CliTest.run("check", folder.toString());
    assertEquals(1, before.exit(), before.err());

    CliTest.Run fixed = CliTest.run("check", "--fix", folder.toString());
    assertEquals(VERSIONED, Files.readString(file));
    String shown = folder.resolve("Contoso.pq").toString().replace('\\', '/');
    assertTrue(
        fixed.err().lines().anyMatch(("pqcert: " + shown + ": fixed 1 finding (PQ011)")::equals),
        fixed.err());
    // What is left after the fix is reported, and decides the exit code.
    assertTrue(!fixed.out().contains("PQ011"), fixed.out());
    assertEquals(0, fixed.exit(), fixed.err());
  }

  @Test
  void aPackageIsNeverChangedAndTheRunGoesOn() throws IOException {
    Path mez = CliTest.zipIn(temp, "Contoso.mez", "Contoso.pq", UNVERSIONED);
    byte[] original = Files.readAllBytes(mez);
    CliTest.Run run = CliTest.run("check", "--fix", mez.toString());
    assertArrayEquals(original, Files.readAllBytes(mez));
    assertEquals(1, run.exit(), run.err());
    assertTrue(
        run.err()
            .contains(
                "pqcert: "
                    + mez
                    + ": 1 finding has a fix, not applied: fixes apply to source files, not to a"
                    + " package; run --fix on the connector's source folder"),
        run.err());
    assertTrue(run.out().contains("PQ011"), "still reported: " + run.out());
  }

  @Test
  void theDiffTakesStandardOutputAndAReportWithItsOwnFileIsStillWritten() throws IOException {
    Path file = Files.writeString(temp.resolve("Contoso.pq"), UNVERSIONED);
    Path json = temp.resolve("report.json");
    CliTest.Run run =
        CliTest.run(
            "check", "--diff", "--format", "json=" + json, "--format", "text", file.toString());
    assertEquals(1, run.exit(), "as without --diff: " + run.err());
    assertEquals(UNVERSIONED, Files.readString(file), "nothing changed");
    String shown = file.toString().replace('\\', '/').replaceFirst("^/+", "");
    assertEquals(
        "--- a/"
            + shown
            + "\n+++ b/"
            + shown
            + "\n@@ -1,3 +1,4 @@\n+[Version = \"1.0.0\"]\r\n section Contoso;\r\n \r\n"
            + " shared Contoso.Contents = () => 1;\r\n",
        run.out());
    assertTrue(
        Files.readString(json, StandardCharsets.UTF_8).contains("\"fix\" : {"),
        "the JSON report marks the fix");
    assertTrue(
        run.err().contains("pqcert: --diff: 1 fix in 1 file; nothing was changed"), run.err());
  }

  @Test
  void fixAndDiffTogetherAreAUsageError() throws IOException {
    Path file = Files.writeString(temp.resolve("Contoso.pq"), UNVERSIONED);
    CliTest.Run run = CliTest.run("check", "--fix", "--diff", file.toString());
    assertEquals(2, run.exit());
    assertEquals(
        "pqcert: --fix and --diff: use one (--diff shows what --fix would do)", run.err().strip());
    assertEquals(UNVERSIONED, Files.readString(file));
  }
}
