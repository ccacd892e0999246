package dev.pqcert.rules;

import java.util.List;

/**
 * A remedy a tool can apply exactly: text edits on the spans the parser gave, applied together or
 * not at all. A rule offers one only when it is the one obvious remedy.
 *
 * @param description what the fix does, one line ("set Beta = true in Contoso.Publish")
 * @param edits non-overlapping edits of one file, each replacing its span of the text
 */
public record Fix(String description, List<Edit> edits) {
  public Fix {
    description = Messages.oneLine(description);
    edits = List.copyOf(edits);
    if (edits.isEmpty()) {
      throw new IllegalArgumentException("a fix without edits");
    }
    String file = edits.get(0).location().file();
    if (edits.stream().anyMatch(e -> !e.location().file().equals(file))) {
      throw new IllegalArgumentException("a fix edits one file");
    }
  }

  /** A fix of one edit. */
  public static Fix of(String description, Location where, String replacement) {
    return new Fix(description, List.of(new Edit(where, replacement)));
  }

  /**
   * Replaces the text at {@code location} (an empty span inserts there) with {@code replacement}.
   * Offsets are the parser's: code points of the decoded text, without a byte order mark.
   */
  public record Edit(Location location, String replacement) {}

  /** The same fix with each edit's file renamed (a package name to its path in the folder). */
  public Fix withFiles(java.util.function.UnaryOperator<Location> relocate) {
    return new Fix(
        description,
        edits.stream().map(e -> new Edit(relocate.apply(e.location()), e.replacement())).toList());
  }
}
