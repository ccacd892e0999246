package dev.pqcert.parse;

import java.util.function.BiConsumer;

/**
 * Decodes the body of a text literal or quoted identifier: {@code ""} is a quote and {@code #(...)}
 * holds comma-separated escapes ({@code cr}, {@code lf}, {@code tab}, {@code #}, 4 or 8 hex
 * digits).
 */
final class TextEscapes {
  private TextEscapes() {}

  /** Whether {@link #decode} would change the body: it holds {@code ""} or a {@code #(} escape. */
  static boolean hasEscapes(String body) {
    return body.indexOf('"') >= 0 || body.indexOf('#') >= 0;
  }

  /**
   * @param body the characters between the quotes
   * @param problems receives (code point offset within body, message) for each invalid escape
   */
  static String decode(String body, BiConsumer<Integer, String> problems) {
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
        out.append('"');
        i += 2;
      } else if (c == '#' && i + 1 < body.length() && body.charAt(i + 1) == '(') {
        int close = body.indexOf(')', i + 2);
        int escapeStart = body.codePointCount(0, i);
        if (close < 0) {
          problems.accept(escapeStart, "unterminated escape sequence '#(' (close it with ')')");
          out.append(body, i, body.length());
          return out.toString();
        }
        String list = body.substring(i + 2, close);
        for (String single : list.split(",", -1)) {
          String escaped = decodeSingle(single);
          if (escaped == null) {
            problems.accept(
                escapeStart,
                "invalid escape sequence '#("
                    + list
                    + ")': use cr, lf, tab, #, or 4 or 8 hex digits, separated by commas");
            break;
          }
          out.append(escaped);
        }
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String decodeSingle(String escape) {
    switch (escape) {
      case "cr":
        return "\r";
      case "lf":
        return "\n";
      case "tab":
        return "\t";
      case "#":
        return "#";
      default:
        break;
    }
    if ((escape.length() == 4 || escape.length() == 8) && escape.matches("[0-9A-Fa-f]+")) {
      long value = Long.parseLong(escape, 16);
      if (escape.length() == 4) {
        return String.valueOf((char) value); // a UTF-16 unit, as the engine's strings are
      }
      return value <= Character.MAX_CODE_POINT ? new String(Character.toChars((int) value)) : null;
    }
    return null;
  }
}
