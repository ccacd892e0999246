package dev.pqcert.model;

import dev.pqcert.parse.ast.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads literal expressions (attribute records and the like) as values. */
public final class Values {
  private Values() {}

  public static Value ofLiteral(Expr expression) {
    if (expression instanceof Expr.Literal literal) {
      switch (literal.kind()) {
        case NUMBER:
          return new Value.Number(literal.span(), (Double) literal.value(), literal.raw());
        case TEXT:
          return new Value.Text(literal.span(), (String) literal.value());
        case LOGICAL:
          return new Value.Logical(literal.span(), (Boolean) literal.value());
        case NULL:
          return new Value.Null(literal.span());
        default:
          return new Value.Unknown(literal.span());
      }
    }
    if (expression instanceof Expr.RecordExpr record) {
      return ofRecord(record);
    }
    if (expression instanceof Expr.ListExpr list) {
      List<Value> items = new ArrayList<>();
      for (Expr item : list.items()) {
        items.add(ofLiteral(item));
      }
      return new Value.ListValue(list.span(), List.copyOf(items));
    }
    return new Value.Unknown(expression.span());
  }

  public static Value.RecordValue ofRecord(Expr.RecordExpr record) {
    Map<String, Value.RecordField> fields = new LinkedHashMap<>();
    for (Expr.Field field : record.fields()) {
      // A repeated field name is an evaluation error in M; the first one is what a reader sees.
      fields.putIfAbsent(
          field.name().name(),
          new Value.RecordField(
              field.name().span(), field.name().name(), ofLiteral(field.value())));
    }
    return new Value.RecordValue(record.span(), fields);
  }
}
