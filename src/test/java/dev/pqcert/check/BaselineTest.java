package dev.pqcert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.bundle.BundleKind;
import dev.pqcert.rules.Finding;
import dev.pqcert.rules.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline names each target relative to its own folder, so it matches the target however a later
 * run spells it and from whichever working directory it runs.
 */
class BaselineTest {
  @TempDir Path temp;

  private static final Finding FINDING =
      new Finding("PQ011", Level.MUST, "the section has no version adornment", Optional.empty());

  private static List<TargetResult> results(String path) {
    return List.of(
        new TargetResult(path, Optional.of(BundleKind.MEZ), List.of(FINDING), Optional.empty()));
  }

  private static void assertAccepted(
      Baseline baseline, Path file, Path workingDirectory, String spelled) {
    Baseline.Applied applied = baseline.apply(results(spelled), file, workingDirectory);
    assertEquals(
        List.of(), applied.results().get(0).findings(), spelled + " from " + workingDirectory);
    assertEquals(List.of(FINDING), applied.results().get(0).baselined(), spelled);
    assertEquals(List.of(), applied.absent(), spelled);
  }

  @Test
  void targetsAreWrittenRelativeToTheBaselinesFolderWithSlashes() throws IOException {
    Path project = Files.createDirectories(temp.resolve("project"));
    Path file = project.resolve("ci").resolve("pqcert-baseline.json");
    Baseline written = Baseline.of(results("dist/x.mez"), file, project);
    assertEquals(Baseline.VERSION, written.version());
    assertEquals("../dist/x.mez", written.findings().get(0).target());

    Files.createDirectories(file.getParent());
    written.write(file);
    Baseline read = Baseline.read(file);
    assertEquals(written, read);
    assertTrue(Files.readString(file).contains("\"version\" : 2"), Files.readString(file));

    // The same target, spelled as a later run may spell it, from where it may run.
    assertAccepted(read, file, project, "dist/x.mez");
    assertAccepted(read, file, project, "./dist/x.mez");
    assertAccepted(read, file, project, "dist/../dist/x.mez");
    assertAccepted(read, file, project, project.resolve("dist/x.mez").toString());
    Path dist = project.resolve("dist");
    assertAccepted(read, dist.relativize(file), dist, "x.mez");
    assertAccepted(read, dist.relativize(file), dist, "./x.mez");
    assertAccepted(read, file, temp, "project/dist/x.mez");
  }

  @Test
  void anotherTargetOfTheSameNameIsNotMatched() {
    Path file = temp.resolve("pqcert-baseline.json");
    Baseline baseline = Baseline.of(results("a/x.mez"), file, temp);
    Baseline.Applied applied = baseline.apply(results("b/x.mez"), file, temp);
    assertEquals(List.of(FINDING), applied.results().get(0).findings());
    assertEquals(1, applied.absent().size());
  }

  @Test
  void aBaselineWithoutAVersionHoldsTargetsAsGivenOnTheCommandLine() throws IOException {
    Path file = Files.createDirectories(temp.resolve("ci")).resolve("old.json");
    String fingerprint = Fingerprint.of(FINDING);
    // Written on Windows by an earlier pqcert, run from the project folder.
    Files.writeString(
        file,
        "{ \"findings\" : [ { \"target\" : \".\\\\dist\\\\x.mez\", \"file\" : \"\", \"rule\" :"
            + " \"PQ011\", \"fingerprint\" : \""
            + fingerprint
            + "\", \"message\" : \"\" } ] }");
    Baseline old = Baseline.read(file);
    assertEquals(1, old.version());
    assertAccepted(old, file, temp, "dist/x.mez");
    assertAccepted(old, file, temp, temp.resolve("dist").resolve("x.mez").toString());
  }

  @Test
  void aVersionThisPqcertDoesNotKnowIsOneLine() throws IOException {
    Path file = Files.writeString(temp.resolve("new.json"), "{ \"version\": 3, \"findings\": [] }");
    IOException e = assertThrows(IOException.class, () -> Baseline.read(file));
    assertEquals("version 3 is not one this pqcert reads (1 or 2)", e.getMessage());
  }
}
