package dev.pqcert.parse;

import dev.pqcert.parse.ast.Document;
import java.util.List;

/**
 * The outcome of parsing one file: always a document (broken parts become {@code Invalid} nodes),
 * the syntax errors in source order, and the comments.
 */
public record ParseResult(
    SourceText source, Document document, List<SyntaxError> errors, List<Comment> comments) {
  public boolean ok() {
    return errors.isEmpty();
  }
}
