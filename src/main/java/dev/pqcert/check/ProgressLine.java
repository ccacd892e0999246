package dev.pqcert.check;

import java.io.PrintWriter;

/**
 * The line on standard error that names the target being checked ({@code checking 12/40:
 * src/Contoso}), rewritten in place with a carriage return and cleared at the end. Only for a
 * person watching a terminal while many targets run: a log would keep every rewrite.
 */
final class ProgressLine {
  /** Fewer targets than this finish before a progress line would help. */
  static final int MIN_TARGETS = 4;

  /** Long paths are cut from the left, so the line fits a usual terminal and never wraps. */
  static final int MAX_WIDTH = 79;

  private final PrintWriter err;
  private final boolean shown;
  private int width;

  /**
   * @param terminal whether standard error is a terminal a person watches
   */
  ProgressLine(PrintWriter err, boolean terminal, int targets) {
    this.err = err;
    this.shown = wanted(terminal, targets);
  }

  /** Whether a run of {@code targets} targets shows progress. */
  static boolean wanted(boolean terminal, int targets) {
    return terminal && targets >= MIN_TARGETS;
  }

  /** Names the {@code index}-th target (from 1) of {@code total}, in place of the last. */
  void show(int index, int total, String path) {
    if (!shown) {
      return;
    }
    String line = text(index, total, path);
    // Spaces over what is left of a longer line before it.
    err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
    err.flush();
    width = line.length();
  }

  static String text(int index, int total, String path) {
    String head = "checking " + index + "/" + total + ": ";
    int room = MAX_WIDTH - head.length();
    String shownPath =
        path.length() <= room ? path : "..." + path.substring(path.length() - (room - 3));
    return head + shownPath;
  }

  /** Removes the line, so what standard error says next starts on a clean line. */
  void clear() {
    if (!shown || width == 0) {
      return;
    }
    err.print("\r" + " ".repeat(width) + "\r");
    err.flush();
    width = 0;
  }
}
