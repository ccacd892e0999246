package dev.pqcert.model;

import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.TypeNode;

/**
 * Hands each direct child of a node (expressions and types) to {@link #child(Expr)} and {@link
 * #child(TypeNode)}, in source order. A walker extends it and overrides only the nodes it treats
 * differently (a scope, a name); every other node has its children walked. One method per kind of
 * node, so a new kind must be added here, and no walker skips it silently.
 */
abstract class ChildVisitor implements Expr.Visitor<Void>, TypeNode.Visitor<Void> {
  /** A child expression. */
  abstract void child(Expr node);

  /** A child type. */
  abstract void child(TypeNode node);

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
    node.items().forEach(this::child);
    return null;
  }

  @Override
  public Void range(Expr.Range node) {
    child(node.from());
    child(node.to());
    return null;
  }

  @Override
  public Void record(Expr.RecordExpr node) {
    node.fields().forEach(f -> child(f.value()));
    return null;
  }

  @Override
  public Void fieldAccess(Expr.FieldAccess node) {
    node.target().ifPresent(this::child);
    return null;
  }

  @Override
  public Void projection(Expr.Projection node) {
    node.target().ifPresent(this::child);
    return null;
  }

  @Override
  public Void itemAccess(Expr.ItemAccess node) {
    child(node.target());
    child(node.index());
    return null;
  }

  @Override
  public Void invoke(Expr.Invoke node) {
    child(node.function());
    node.arguments().forEach(this::child);
    return null;
  }

  @Override
  public Void unary(Expr.Unary node) {
    child(node.operand());
    return null;
  }

  @Override
  public Void binary(Expr.Binary node) {
    child(node.left());
    child(node.right());
    return null;
  }

  @Override
  public Void typeTest(Expr.TypeTest node) {
    child(node.value());
    return null;
  }

  @Override
  public Void typeValue(Expr.TypeValue node) {
    child(node.type());
    return null;
  }

  @Override
  public Void function(Expr.Function node) {
    node.parameters().forEach(p -> p.type().ifPresent(this::child));
    child(node.body());
    return null;
  }

  @Override
  public Void each(Expr.Each node) {
    child(node.body());
    return null;
  }

  @Override
  public Void let(Expr.Let node) {
    node.bindings().forEach(b -> child(b.value()));
    child(node.body());
    return null;
  }

  @Override
  public Void ifThenElse(Expr.If node) {
    child(node.condition());
    child(node.whenTrue());
    child(node.whenFalse());
    return null;
  }

  @Override
  public Void errorRaise(Expr.ErrorRaise node) {
    child(node.value());
    return null;
  }

  @Override
  public Void tryCatch(Expr.Try node) {
    child(node.body());
    node.otherwise().ifPresent(this::child);
    node.catchHandler().ifPresent(this::child);
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
    node.fields().forEach(f -> f.type().ifPresent(this::child));
    return null;
  }

  @Override
  public Void list(TypeNode.ListType node) {
    child(node.item());
    return null;
  }

  @Override
  public Void function(TypeNode.FunctionType node) {
    node.parameters().forEach(p -> child(p.type()));
    child(node.returnType());
    return null;
  }

  @Override
  public Void table(TypeNode.TableType node) {
    node.rowExpression().ifPresent(this::child);
    node.rowType().ifPresent(this::child);
    return null;
  }

  @Override
  public Void nullable(TypeNode.NullableType node) {
    child(node.inner());
    return null;
  }

  @Override
  public Void expression(TypeNode.ExpressionType node) {
    child(node.expression());
    return null;
  }
}
