package dev.pqcert.rules;

/** Text from the connector, as messages quote it: escaped, and short enough to read on one line. */
final class Messages {
  /** How much of a quoted text a message shows. */
  static final int QUOTE_LIMIT = 48;

  private Messages() {}

  /** {@code "text"}, with line breaks, tabs and quotes escaped, cut after {@link #QUOTE_LIMIT}. */
  static String quote(String text) {
    String shown = text.strip();
    int cut =
        shown.offsetByCodePoints(0, Math.min(QUOTE_LIMIT, shown.codePointCount(0, shown.length())));
    String start = shown.substring(0, cut);
    return "\"" + escape(start) + (cut < shown.length() ? "...\"" : "\"");
  }

  /** Line breaks and tabs as {@code \n}, {@code \r}, {@code \t}; quotes as {@code \"}. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                default -> out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /**
   * Names as a message lists them: the first {@code shown} joined by commas, then how many more
   * ({@code Airlines, Airports and 3 more}), each name cut as {@link #quote} cuts text.
   */
  static String names(java.util.List<String> names, int shown) {
    java.util.List<String> listed = names.stream().limit(shown).map(Messages::cut).toList();
    String joined = String.join(", ", listed);
    int more = names.size() - listed.size();
    return more > 0 ? joined + " and " + more + " more" : joined;
  }

  /** Text cut after {@link #QUOTE_LIMIT} code points, on one line, not quoted. */
  private static String cut(String text) {
    String shown = oneLine(text.strip());
    int cut =
        shown.offsetByCodePoints(0, Math.min(QUOTE_LIMIT, shown.codePointCount(0, shown.length())));
    return cut < shown.length() ? shown.substring(0, cut) + "..." : shown;
  }

  /** A message as one line: any line break or tab left in it is escaped. */
  static String oneLine(String message) {
    if (message.indexOf('\n') < 0 && message.indexOf('\r') < 0 && message.indexOf('\t') < 0) {
      return message;
    }
    return message.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }
}
