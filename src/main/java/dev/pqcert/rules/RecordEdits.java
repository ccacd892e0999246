package dev.pqcert.rules;

import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Expr;
import java.util.List;
import java.util.Optional;

/**
 * Fixes that add a field to a record written as a record expression, in the record's own style: on
 * its own line with the neighbouring field's indentation when the fields are one per line, else on
 * the same line.
 */
final class RecordEdits {
  private RecordEdits() {}

  /**
   * {@code field} ({@code Name = value}) as the first field of {@code record}; in an empty record
   * ({@code []}, blanks only) as its only field.
   */
  static Optional<Fix> addFirst(
      SourceText source, String file, Expr.RecordExpr record, String field, String description) {
    if (record.fields().isEmpty()) {
      return onlyField(source, file, record, field, description);
    }
    Span first = record.fields().get(0).span();
    int line = first.start().line();
    String before = source.slice(source.lineStart(line), first.startOffset());
    boolean ownLine = line > record.span().start().line() && before.isBlank();
    Optional<String> lineEnd = source.firstLineEnd();
    Location at = new Location(file, first.startOnly());
    if (ownLine && lineEnd.isPresent()) {
      return Optional.of(Fix.of(description, at, field + "," + lineEnd.get() + before));
    }
    return Optional.of(Fix.of(description, at, field + ", "));
  }

  /**
   * {@code field} as the last field of {@code record}. On its own line, a comment ending the last
   * field's line stays with that field.
   */
  static Optional<Fix> addLast(
      SourceText source, String file, Expr.RecordExpr record, String field, String description) {
    if (record.fields().isEmpty()) {
      return onlyField(source, file, record, field, description);
    }
    Span last = record.fields().get(record.fields().size() - 1).span();
    int line = last.start().line();
    String indentation = source.slice(source.lineStart(line), last.startOffset());
    boolean ownLine = line > record.span().start().line() && indentation.isBlank();
    Optional<String> lineEnd = source.firstLineEnd();
    Location afterField = new Location(file, source.span(last.endOffset(), last.endOffset()));
    if (!ownLine || lineEnd.isEmpty()) {
      return Optional.of(Fix.of(description, afterField, ", " + field));
    }
    int endLine = last.end().line();
    String lineText = source.line(endLine);
    int lineEndOffset = source.lineStart(endLine) + lineText.codePointCount(0, lineText.length());
    String rest = source.slice(last.endOffset(), lineEndOffset);
    if (rest.strip().startsWith("//")) {
      // `Label = "x" // why`: the comma after the field, the new field after the comment.
      return Optional.of(
          new Fix(
              description,
              List.of(
                  new Fix.Edit(afterField, ","),
                  new Fix.Edit(
                      new Location(file, source.span(lineEndOffset, lineEndOffset)),
                      lineEnd.get() + indentation + field))));
    }
    return Optional.of(Fix.of(description, afterField, "," + lineEnd.get() + indentation + field));
  }

  /** {@code [field]} for a record with nothing but blanks between its brackets. */
  private static Optional<Fix> onlyField(
      SourceText source, String file, Expr.RecordExpr record, String field, String description) {
    String written = source.slice(record.span());
    if (written.length() < 2
        || !written.startsWith("[")
        || !written.substring(1, written.length() - 1).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Fix.of(description, new Location(file, record.span()), "[" + field + "]"));
  }

  /**
   * {@code text} as an M text literal: quotes doubled, {@code #(} and control characters written as
   * escape sequences.
   */
  static String textLiteral(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        out.append("\"\"");
      } else if (c == '#' && text.startsWith("#(", i)) {
        out.append("#(#)");
      } else if (c == '\r') {
        out.append("#(cr)");
      } else if (c == '\n') {
        out.append("#(lf)");
      } else if (c == '\t') {
        out.append("#(tab)");
      } else if (Character.isISOControl(c)) {
        out.append(String.format(java.util.Locale.ROOT, "#(%04X)", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
