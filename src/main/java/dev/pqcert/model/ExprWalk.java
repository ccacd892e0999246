package dev.pqcert.model;

import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.TypeNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/** Visits every expression node under a root, iteratively (deep trees do not overflow). */
public final class ExprWalk {
  private ExprWalk() {}

  public static void forEach(Expr root, Consumer<Expr> visit) {
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Object next = pending.pop();
      if (next instanceof TypeNode type) {
        pushType(type, pending);
        continue;
      }
      Expr node = (Expr) next;
      visit.accept(node);
      if (node instanceof Expr.ListExpr list) {
        list.items().forEach(pending::push);
      } else if (node instanceof Expr.Range range) {
        pending.push(range.to());
        pending.push(range.from());
      } else if (node instanceof Expr.RecordExpr record) {
        record.fields().forEach(f -> pending.push(f.value()));
      } else if (node instanceof Expr.FieldAccess access) {
        access.target().ifPresent(pending::push);
      } else if (node instanceof Expr.Projection projection) {
        projection.target().ifPresent(pending::push);
      } else if (node instanceof Expr.ItemAccess access) {
        pending.push(access.index());
        pending.push(access.target());
      } else if (node instanceof Expr.Invoke invoke) {
        invoke.arguments().forEach(pending::push);
        pending.push(invoke.function());
      } else if (node instanceof Expr.Unary unary) {
        pending.push(unary.operand());
      } else if (node instanceof Expr.Binary binary) {
        pending.push(binary.right());
        pending.push(binary.left());
      } else if (node instanceof Expr.TypeTest test) {
        pending.push(test.value());
      } else if (node instanceof Expr.TypeValue type) {
        pending.push(type.type());
      } else if (node instanceof Expr.Function function) {
        pending.push(function.body());
        function.parameters().forEach(p -> p.type().ifPresent(pending::push));
      } else if (node instanceof Expr.Each each) {
        pending.push(each.body());
      } else if (node instanceof Expr.Let let) {
        pending.push(let.body());
        let.bindings().forEach(b -> pending.push(b.value()));
      } else if (node instanceof Expr.If when) {
        pending.push(when.whenFalse());
        pending.push(when.whenTrue());
        pending.push(when.condition());
      } else if (node instanceof Expr.ErrorRaise raise) {
        pending.push(raise.value());
      } else if (node instanceof Expr.Try attempt) {
        attempt.catchHandler().ifPresent(pending::push);
        attempt.otherwise().ifPresent(pending::push);
        pending.push(attempt.body());
      }
    }
  }

  private static void pushType(TypeNode type, Deque<Object> pending) {
    if (type instanceof TypeNode.ExpressionType expression) {
      pending.push(expression.expression());
    } else if (type instanceof TypeNode.FunctionType function) {
      pending.push(function.returnType());
      function.parameters().forEach(p -> pending.push(p.type()));
    } else if (type instanceof TypeNode.ListType list) {
      pending.push(list.item());
    } else if (type instanceof TypeNode.NullableType nullable) {
      pending.push(nullable.inner());
    } else if (type instanceof TypeNode.TableType table) {
      table.rowExpression().ifPresent(pending::push);
      table.rowType().ifPresent(pending::push);
    } else if (type instanceof TypeNode.RecordType record) {
      record.fields().forEach(f -> f.type().ifPresent(pending::push));
    }
  }

  /** Whether any node under {@code root} satisfies {@code test}. */
  public static boolean any(Expr root, java.util.function.Predicate<Expr> test) {
    boolean[] found = {false};
    forEach(root, node -> found[0] |= test.test(node));
    return found[0];
  }
}
