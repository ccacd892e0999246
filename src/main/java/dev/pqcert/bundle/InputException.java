package dev.pqcert.bundle;

import java.util.Locale;

/**
 * A target that cannot be read. {@link #getMessage()} is one line: {@code "<file>: <problem>"},
 * with the file as the user gave it.
 */
public final class InputException extends Exception {
  private final String problem;

  public InputException(String file, String problem) {
    this(file, problem, null);
  }

  /**
   * The longest problem shown, in code points: a problem quotes names from the input (an entry's
   * name, a key), which a hostile file can make as long as it likes.
   */
  static final int MAX_PROBLEM = 300;

  /** The cause is kept for debugging only; it never shows in the message. */
  public InputException(String file, String problem, Throwable cause) {
    super(oneLine(file) + ": " + bounded(oneLine(problem)), cause);
    this.problem = bounded(oneLine(problem));
  }

  private static String bounded(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_PROBLEM) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_PROBLEM - 3)) + "...";
  }

  /** What is wrong, without the file name; one line, as the message is. */
  public String problem() {
    return problem;
  }

  /** Escapes line breaks and other control characters, which can occur in hostile file names. */
  private static String oneLine(String text) {
    StringBuilder result = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                result.append(String.format(Locale.ROOT, "\\u%04X", c));
              } else {
                result.appendCodePoint(c);
              }
            });
    return result.toString();
  }
}
