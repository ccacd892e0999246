package dev.pqcert.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputExceptionTest {
  @Test
  void messageIsFileColonProblem() {
    InputException error = new InputException("dist/Contoso.mez", "not a zip archive");

    assertEquals("dist/Contoso.mez: not a zip archive", error.getMessage());
    assertEquals("not a zip archive", error.problem());
  }

  @Test
  void messageStaysOnOneLineWhateverTheNamesContain() {
    InputException error = new InputException("a\nb.mez", "entry 'x\r\ny\u2028z\u0000' is bad");

    assertEquals(
        "a\\u000Ab.mez: entry 'x\\u000D\\u000Ay\\u2028z\\u0000' is bad", error.getMessage());
    // The problem alone is what a report and standard error show beside the path.
    assertEquals("entry 'x\\u000D\\u000Ay\\u2028z\\u0000' is bad", error.problem());
  }

  @Test
  void aProblemQuotingAHostileNameIsCutAtThreeHundredCodePoints() {
    String name = "\uD83D\uDE00".repeat(500); // code points outside the BMP: never split in two
    InputException error = new InputException("x.pbit", "entry '" + name + "' is bad");

    String problem = error.problem();
    assertEquals(300, problem.codePointCount(0, problem.length()));
    assertEquals("entry '" + "\uD83D\uDE00".repeat(290) + "...", problem);
    assertEquals("x.pbit: " + problem, error.getMessage());
    assertEquals("short", new InputException("x", "short").problem());
  }
}
