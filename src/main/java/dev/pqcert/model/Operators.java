package dev.pqcert.model;

import dev.pqcert.parse.Span;
import dev.pqcert.parse.ast.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of M's operators on values already computed: constants fold, text joins keep what is
 * known of URLs ({@link Urls#join}), records and lists merge, metadata attaches. Anything built
 * from a value that carries flows is unknown and carries them on.
 */
final class Operators {
  private Operators() {}

  static Value unary(Expr.Unary unary, Value operand, String file) {
    Value plain = Values.plain(operand);
    if (unary.operator() == Expr.UnaryOperator.NOT && plain instanceof Value.Logical logical) {
      return new Value.Logical(unary.span(), !logical.value(), file);
    }
    if (plain instanceof Value.NumberValue number) {
      return switch (unary.operator()) {
        case MINUS ->
            new Value.NumberValue(unary.span(), -number.value(), "-" + number.raw(), file);
        case PLUS -> number;
        case NOT -> new Value.Unknown(unary.span());
      };
    }
    return new Value.Unknown(unary.span(), Taint.of(operand));
  }

  /**
   * {@code left op right} for the operators whose operands are both evaluated (not {@code and},
   * {@code or} or {@code ??}, which short-circuit).
   */
  static Value binary(Expr.Binary binary, Value left, Value right, String file) {
    Span span = binary.span();
    Expr.BinaryOperator operator = binary.operator();
    if (operator == Expr.BinaryOperator.CONCATENATE && Urls.mayBeText(left, right)) {
      return Urls.join(span, left, right, file, "joined with &");
    }
    Taint taint = Taint.of(left).union(Taint.of(right));
    if (!taint.isEmpty()
        && operator != Expr.BinaryOperator.META
        && !(operator == Expr.BinaryOperator.CONCATENATE
            && Values.plain(left) instanceof Value.RecordValue
            && Values.plain(right) instanceof Value.RecordValue)
        && !(operator == Expr.BinaryOperator.CONCATENATE
            && Values.plain(left) instanceof Value.ListValue
            && Values.plain(right) instanceof Value.ListValue)) {
      return new Value.Unknown(span, taint); // a value built from a tainted one is never static
    }
    if (operator == Expr.BinaryOperator.META) {
      Optional<Value.RecordValue> meta = Values.record(right);
      return meta.isPresent() ? withMeta(span, left, meta.get()) : left;
    }
    Value l = Values.plain(left);
    Value r = Values.plain(right);
    switch (operator) {
      case CONCATENATE:
        return concatenate(span, l, r, file);
      case EQUAL:
      case NOT_EQUAL:
        Optional<Boolean> equal = Equality.of(l, r);
        return equal
            .<Value>map(
                e -> new Value.Logical(span, operator == Expr.BinaryOperator.EQUAL ? e : !e, file))
            .orElse(new Value.Unknown(span));
      case ADD:
      case SUBTRACT:
      case MULTIPLY:
      case DIVIDE:
        if (l instanceof Value.NumberValue a && r instanceof Value.NumberValue b) {
          double result =
              switch (operator) {
                case ADD -> a.value() + b.value();
                case SUBTRACT -> a.value() - b.value();
                case MULTIPLY -> a.value() * b.value();
                default -> a.value() / b.value();
              };
          return new Value.NumberValue(span, result, Double.toString(result), file);
        }
        return new Value.Unknown(span);
      default:
        return new Value.Unknown(span);
    }
  }

  /** Records or lists joined with {@code &}; text is joined by {@link Urls#join}. */
  private static Value concatenate(Span span, Value l, Value r, String file) {
    if (l instanceof Value.RecordValue a && r instanceof Value.RecordValue b) {
      Map<String, Value.RecordField> merged = new LinkedHashMap<>(a.fields());
      merged.putAll(b.fields()); // the right record's fields win, as in M
      return new Value.RecordValue(span, merged, file);
    }
    if (l instanceof Value.ListValue a && r instanceof Value.ListValue b) {
      List<Value> items = new ArrayList<>(a.items());
      items.addAll(b.items());
      return new Value.ListValue(span, items, file);
    }
    return new Value.Unknown(span);
  }

  private static Value withMeta(Span span, Value value, Value.RecordValue meta) {
    if (value instanceof Value.WithMeta existing) {
      Map<String, Value.RecordField> merged = new LinkedHashMap<>(existing.meta().fields());
      merged.putAll(meta.fields());
      return new Value.WithMeta(
          span, existing.value(), new Value.RecordValue(meta.span(), merged, meta.file()));
    }
    return new Value.WithMeta(span, value, meta);
  }
}
