package dev.pqcert.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The diff of --diff, as diff -u writes it. */
class UnifiedDiffTest {
  private static String numbered(int from, int to, String end) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i <= to; i++) {
      out.append("line ").append(i).append(end);
    }
    return out.toString();
  }

  @Test
  void equalTextsHaveNoDiff() {
    assertEquals("", UnifiedDiff.of("a.pq", "x\n", "x\n"));
  }

  @Test
  void changesFarApartAreTwoHunksWithThreeLinesOfContext() {
    String before = numbered(1, 20, "\n");
    String after = before.replace("line 2\n", "line two\n").replace("line 18\n", "");
    assertEquals(
        "--- a/src/a.pq\n"
            + "+++ b/src/a.pq\n"
            + "@@ -1,5 +1,5 @@\n"
            + " line 1\n"
            + "-line 2\n"
            + "+line two\n"
            + " line 3\n"
            + " line 4\n"
            + " line 5\n"
            + "@@ -15,6 +15,5 @@\n"
            + " line 15\n"
            + " line 16\n"
            + " line 17\n"
            + "-line 18\n"
            + " line 19\n"
            + " line 20\n",
        UnifiedDiff.of("src/a.pq", before, after));
  }

  @Test
  void crlfLinesKeepTheirLineEndsAndAMissingLastLineEndIsMarked() {
    assertEquals(
        "--- a/a.pq\n"
            + "+++ b/a.pq\n"
            + "@@ -1,2 +1,3 @@\n"
            + "+[Version = \"1.0.0\"]\r\n"
            + " section A;\r\n"
            + "-x = 1;\n"
            + "\\ No newline at end of file\n"
            + "+x = 2;\n"
            + "\\ No newline at end of file\n",
        UnifiedDiff.of(
            "a.pq", "section A;\r\nx = 1;", "[Version = \"1.0.0\"]\r\nsection A;\r\nx = 2;"));
  }

  @Test
  void anInsertionIntoAnEmptyFileStartsAtLineZero() {
    assertEquals("--- a/a.pq\n+++ b/a.pq\n@@ -0,0 +1 @@\n+x\n", UnifiedDiff.of("a.pq", "", "x\n"));
  }

  @Test
  void anAbsolutePathIsNamedWithoutItsLeadingSlash() {
    assertEquals(
        "--- a/tmp/c/a.pq\n+++ b/tmp/c/a.pq\n@@ -1 +1 @@\n-x\n+y\n",
        UnifiedDiff.of("/tmp/c/a.pq", "x\n", "y\n"));
  }
}
