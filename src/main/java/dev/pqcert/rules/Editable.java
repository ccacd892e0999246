package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.SourceFile;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.Span;
import java.util.List;
import java.util.Optional;

/**
 * The files a fix may edit: those that decoded whole and parsed without a syntax error, so that the
 * parser's spans are exactly the text's. Fixes verify the text they replace through it.
 */
public final class Editable {
  private Editable() {}

  /** The text of the M file with this name in the package, when a fix may edit it. */
  public static Optional<SourceText> source(List<SourceFile> files, String name) {
    return files.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .filter(f -> f.undecodable().isEmpty() && f.parse().ok())
        .map(f -> f.parse().source());
  }

  public static Optional<SourceText> source(ConnectorModel model, String name) {
    return source(model.files(), name);
  }

  /** Whether {@code inner} lies within {@code outer}. */
  public static boolean within(Span inner, Span outer) {
    return inner.startOffset() >= outer.startOffset() && inner.endOffset() <= outer.endOffset();
  }

  /** Whether the text of {@code span} is exactly {@code expected}: the fix replaces what it saw. */
  public static boolean reads(SourceText source, Span span, String expected) {
    return source.slice(span).equals(expected);
  }
}
