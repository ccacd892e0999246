package dev.pqcert.model;

import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.TypeNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Visits every expression node under a root, iteratively (deep trees do not overflow). Children are
 * found by visitors with a method per kind of node, so a new kind cannot be skipped.
 */
public final class ExprWalk {
  private ExprWalk() {}

  public static void forEach(Expr root, Consumer<Expr> visit) {
    Deque<Object> pending = new ArrayDeque<>();
    Children children = new Children(pending);
    pending.push(root);
    while (!pending.isEmpty()) {
      Object next = pending.pop();
      if (next instanceof TypeNode type) {
        type.accept(children);
        continue;
      }
      Expr node = (Expr) next;
      visit.accept(node);
      node.accept(children);
    }
  }

  /** Whether any node under {@code root} satisfies {@code test}. */
  public static boolean any(Expr root, java.util.function.Predicate<Expr> test) {
    boolean[] found = {false};
    forEach(root, node -> found[0] |= test.test(node));
    return found[0];
  }

  /** Pushes a node's children (expressions and types), last first, so they pop in order. */
  private static final class Children implements Expr.Visitor<Void>, TypeNode.Visitor<Void> {
    private final Deque<Object> pending;

    Children(Deque<Object> pending) {
      this.pending = pending;
    }

    @Override
    public Void literal(Expr.Literal node) {
      return null;
    }

    @Override
    public Void identifier(Expr.Identifier node) {
      return null;
    }

    @Override
    public Void hashKeyword(Expr.HashKeyword node) {
      return null;
    }

    @Override
    public Void sectionAccess(Expr.SectionAccess node) {
      return null;
    }

    @Override
    public Void list(Expr.ListExpr node) {
      node.items().forEach(pending::push);
      return null;
    }

    @Override
    public Void range(Expr.Range node) {
      pending.push(node.to());
      pending.push(node.from());
      return null;
    }

    @Override
    public Void record(Expr.RecordExpr node) {
      node.fields().forEach(f -> pending.push(f.value()));
      return null;
    }

    @Override
    public Void fieldAccess(Expr.FieldAccess node) {
      node.target().ifPresent(pending::push);
      return null;
    }

    @Override
    public Void projection(Expr.Projection node) {
      node.target().ifPresent(pending::push);
      return null;
    }

    @Override
    public Void itemAccess(Expr.ItemAccess node) {
      pending.push(node.index());
      pending.push(node.target());
      return null;
    }

    @Override
    public Void invoke(Expr.Invoke node) {
      node.arguments().forEach(pending::push);
      pending.push(node.function());
      return null;
    }

    @Override
    public Void unary(Expr.Unary node) {
      pending.push(node.operand());
      return null;
    }

    @Override
    public Void binary(Expr.Binary node) {
      pending.push(node.right());
      pending.push(node.left());
      return null;
    }

    @Override
    public Void typeTest(Expr.TypeTest node) {
      pending.push(node.value());
      return null;
    }

    @Override
    public Void typeValue(Expr.TypeValue node) {
      pending.push(node.type());
      return null;
    }

    @Override
    public Void function(Expr.Function node) {
      pending.push(node.body());
      node.parameters().forEach(p -> p.type().ifPresent(pending::push));
      return null;
    }

    @Override
    public Void each(Expr.Each node) {
      pending.push(node.body());
      return null;
    }

    @Override
    public Void let(Expr.Let node) {
      pending.push(node.body());
      node.bindings().forEach(b -> pending.push(b.value()));
      return null;
    }

    @Override
    public Void ifThenElse(Expr.If node) {
      pending.push(node.whenFalse());
      pending.push(node.whenTrue());
      pending.push(node.condition());
      return null;
    }

    @Override
    public Void errorRaise(Expr.ErrorRaise node) {
      pending.push(node.value());
      return null;
    }

    @Override
    public Void tryCatch(Expr.Try node) {
      node.catchHandler().ifPresent(pending::push);
      node.otherwise().ifPresent(pending::push);
      pending.push(node.body());
      return null;
    }

    @Override
    public Void notImplemented(Expr.NotImplemented node) {
      return null;
    }

    @Override
    public Void invalid(Expr.Invalid node) {
      return null;
    }

    @Override
    public Void primitive(TypeNode.Primitive node) {
      return null;
    }

    @Override
    public Void record(TypeNode.RecordType node) {
      node.fields().forEach(f -> f.type().ifPresent(pending::push));
      return null;
    }

    @Override
    public Void list(TypeNode.ListType node) {
      pending.push(node.item());
      return null;
    }

    @Override
    public Void function(TypeNode.FunctionType node) {
      pending.push(node.returnType());
      node.parameters().forEach(p -> pending.push(p.type()));
      return null;
    }

    @Override
    public Void table(TypeNode.TableType node) {
      node.rowExpression().ifPresent(pending::push);
      node.rowType().ifPresent(pending::push);
      return null;
    }

    @Override
    public Void nullable(TypeNode.NullableType node) {
      pending.push(node.inner());
      return null;
    }

    @Override
    public Void expression(TypeNode.ExpressionType node) {
      pending.push(node.expression());
      return null;
    }
  }
}
