package dev.pqcert.rules;

import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ExprWalk;
import dev.pqcert.model.SourceFile;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Document;
import dev.pqcert.parse.ast.Expr;
import java.util.ArrayList;
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

  /**
   * The record expression written at exactly {@code span} in an editable file: a value the model
   * knows as a record is one a fix may add a field to only when it is written there as {@code
   * [...]}.
   */
  public static Optional<Expr.RecordExpr> recordAt(ConnectorModel model, String file, Span span) {
    return nodeAt(model, file, span, Expr.RecordExpr.class, false);
  }

  /**
   * The text literal written at exactly {@code span} in a member of an editable section document
   * (not in an attribute record, whose values must stay literals; not in a module evaluated
   * elsewhere).
   */
  public static Optional<Expr.Literal> textLiteralAt(ConnectorModel model, String file, Span span) {
    return nodeAt(model, file, span, Expr.Literal.class, true)
        .filter(l -> l.kind() == Expr.LiteralKind.TEXT);
  }

  private static <T extends Expr> Optional<T> nodeAt(
      ConnectorModel model, String file, Span span, Class<T> type, boolean sectionOnly) {
    Optional<SourceFile> source =
        model.files().stream()
            .filter(f -> f.name().equals(file))
            .findFirst()
            .filter(f -> f.undecodable().isEmpty() && f.parse().ok());
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Document document = source.get().parse().document();
    List<Expr> roots = new ArrayList<>();
    if (!sectionOnly) {
      document.expression().ifPresent(roots::add);
    }
    document.section().ifPresent(s -> s.members().forEach(m -> roots.add(m.value())));
    List<T> found = new ArrayList<>();
    for (Expr root : roots) {
      if (root.span().startOffset() <= span.startOffset()
          && root.span().endOffset() >= span.endOffset()) {
        ExprWalk.forEach(
            root,
            node -> {
              if (type.isInstance(node) && node.span().equals(span)) {
                found.add(type.cast(node));
              }
            });
      }
    }
    return found.stream().findFirst();
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
