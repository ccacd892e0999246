package dev.pqcert.parse;

import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.TypeNode;
import java.util.stream.Collectors;

/** Prints an expression as a compact S-expression, so tests can assert the tree's shape. */
final class Shapes {
  private Shapes() {}

  static String of(Expr e) {
    if (e instanceof Expr.Literal l) {
      return l.raw();
    }
    if (e instanceof Expr.Identifier i) {
      return (i.inclusive() ? "@" : "") + i.name();
    }
    if (e instanceof Expr.Binary b) {
      return "(" + b.operator().symbol() + " " + of(b.left()) + " " + of(b.right()) + ")";
    }
    if (e instanceof Expr.Unary u) {
      return "(" + u.operator().symbol() + " " + of(u.operand()) + ")";
    }
    if (e instanceof Expr.TypeTest t) {
      return "(" + (t.assertion() ? "as " : "is ") + of(t.value()) + " " + type(t.type()) + ")";
    }
    if (e instanceof Expr.Invoke c) {
      return "(call "
          + of(c.function())
          + c.arguments().stream().map(a -> " " + of(a)).collect(Collectors.joining())
          + ")";
    }
    if (e instanceof Expr.FieldAccess f) {
      return "(field "
          + f.target().map(Shapes::of).orElse("_")
          + " "
          + f.field().name()
          + (f.optional() ? "?" : "")
          + ")";
    }
    if (e instanceof Expr.ItemAccess i) {
      return "(item " + of(i.target()) + " " + of(i.index()) + (i.optional() ? "?" : "") + ")";
    }
    if (e instanceof Expr.ListExpr l) {
      return "{" + l.items().stream().map(Shapes::of).collect(Collectors.joining(" ")) + "}";
    }
    if (e instanceof Expr.RecordExpr r) {
      return "["
          + r.fields().stream()
              .map(f -> f.name().name() + "=" + of(f.value()))
              .collect(Collectors.joining(" "))
          + "]";
    }
    if (e instanceof Expr.If i) {
      return "(if " + of(i.condition()) + " " + of(i.whenTrue()) + " " + of(i.whenFalse()) + ")";
    }
    if (e instanceof Expr.Each each) {
      return "(each " + of(each.body()) + ")";
    }
    if (e instanceof Expr.Function f) {
      return "(fn "
          + f.parameters().stream()
              .map(p -> (p.optional() ? "?" : "") + p.name().name())
              .collect(Collectors.joining(","))
          + " "
          + of(f.body())
          + ")";
    }
    if (e instanceof Expr.Let l) {
      return "(let "
          + l.bindings().stream()
              .map(b -> b.name().name() + "=" + of(b.value()))
              .collect(Collectors.joining(" "))
          + " in "
          + of(l.body())
          + ")";
    }
    if (e instanceof Expr.Try t) {
      return "(try "
          + of(t.body())
          + t.otherwise().map(o -> " otherwise " + of(o)).orElse("")
          + t.catchHandler().map(c -> " catch " + of(c)).orElse("")
          + ")";
    }
    if (e instanceof Expr.TypeValue t) {
      return "(type " + type(t.type()) + ")";
    }
    return e.getClass().getSimpleName();
  }

  static String type(TypeNode t) {
    if (t instanceof TypeNode.Primitive p) {
      return (p.nullable() ? "nullable " : "") + p.name();
    }
    if (t instanceof TypeNode.TableType table) {
      return "table" + table.rowExpression().map(r -> "(" + of(r) + ")").orElse("[..]");
    }
    if (t instanceof TypeNode.FunctionType f) {
      return "function/" + f.parameters().size() + "->" + type(f.returnType());
    }
    return t.getClass().getSimpleName();
  }
}
