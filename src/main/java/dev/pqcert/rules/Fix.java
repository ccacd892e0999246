package dev.pqcert.rules;

import java.util.List;

/**
 * A remedy a tool can apply exactly: text edits on the spans the parser gave, applied together or
 * not at all. A rule offers one only when it is the one obvious remedy.
 *
 * @param description what the fix does, one line ("set Beta = true in Contoso.Publish")
 * @param edits non-overlapping edits, each replacing its span of its file's text; a fix may edit
 *     several files (a string moved from an M file into resources.resx), all of them or none
 * @param creates the files the fix creates, which must not exist: their edits apply to an empty
 *     text
 */
public record Fix(String description, List<Edit> edits, List<String> creates) {
  public Fix {
    description = Messages.oneLine(description);
    edits = List.copyOf(edits);
    creates = List.copyOf(creates);
    if (edits.isEmpty()) {
      throw new IllegalArgumentException("a fix without edits");
    }
    for (String created : creates) {
      if (edits.stream().noneMatch(e -> e.location().file().equals(created))) {
        throw new IllegalArgumentException("a created file without edits: " + created);
      }
    }
  }

  /** A fix that edits files that exist. */
  public Fix(String description, List<Edit> edits) {
    this(description, edits, List.of());
  }

  /** The files the fix edits, each once, in the order of their first edit. */
  public List<String> files() {
    return edits.stream().map(e -> e.location().file()).distinct().toList();
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
        edits.stream().map(e -> new Edit(relocate.apply(e.location()), e.replacement())).toList(),
        creates.stream()
            .map(name -> relocate.apply(new Location(name, dev.pqcert.parse.Span.NONE)).file())
            .toList());
  }
}
