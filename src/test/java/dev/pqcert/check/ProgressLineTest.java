package dev.pqcert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** When the progress line shows, and what it writes. */
class ProgressLineTest {
  @Test
  void showsOnlyOnATerminalAndForMoreThanThreeTargets() {
    assertTrue(ProgressLine.wanted(true, 4));
    assertTrue(ProgressLine.wanted(true, 40));
    assertFalse(ProgressLine.wanted(true, 3), "three finish before it would help");
    assertFalse(ProgressLine.wanted(true, 1));
    assertFalse(ProgressLine.wanted(false, 40), "a log keeps every rewrite");
  }

  @Test
  void rewritesOneLineInPlaceAndClearsIt() {
    StringWriter err = new StringWriter();
    ProgressLine progress = new ProgressLine(new PrintWriter(err), true, 12);
    progress.show(1, 12, "src/Contoso");
    progress.show(2, 12, "Fab");
    progress.clear();
    progress.clear(); // twice is once
    String first = "checking 1/12: src/Contoso";
    String second = "checking 2/12: Fab";
    assertEquals(
        "\r"
            + first
            + "\r"
            + second
            + " ".repeat(first.length() - second.length()) // over the rest of the longer line
            + "\r"
            + " ".repeat(second.length())
            + "\r",
        err.toString());
  }

  @Test
  void writesNothingWhenNotWanted() {
    StringWriter err = new StringWriter();
    ProgressLine progress = new ProgressLine(new PrintWriter(err), false, 12);
    progress.show(1, 12, "src/Contoso");
    progress.clear();
    assertEquals("", err.toString());
  }

  @Test
  void aLongPathIsCutFromTheLeftSoTheLineNeverWraps() {
    String path = "a/".repeat(60) + "Contoso";
    String line = ProgressLine.text(7, 40, path);
    assertEquals(ProgressLine.MAX_WIDTH, line.length());
    assertTrue(line.startsWith("checking 7/40: ..."), line);
    assertTrue(line.endsWith("/a/Contoso"), line);
  }
}
