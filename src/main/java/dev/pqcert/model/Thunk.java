package dev.pqcert.model;

import dev.pqcert.parse.ast.Expr;
import java.util.function.Supplier;

/**
 * A value computed on first use and then kept. A binding that refers to itself while being computed
 * (a cycle) is unknown, as M would fail there too.
 */
public final class Thunk {
  private Supplier<Value> compute;
  private Value value;
  private boolean running;
  private final Expr expression;

  private Thunk(Supplier<Value> compute, Expr expression) {
    this.compute = compute;
    this.expression = expression;
  }

  public static Thunk of(Value value) {
    Thunk thunk = new Thunk(null, null);
    thunk.value = value;
    return thunk;
  }

  public static Thunk lazy(Expr expression, Supplier<Value> compute) {
    return new Thunk(compute, expression);
  }

  /** The expression the value comes from, when it has one. */
  public java.util.Optional<Expr> expression() {
    return java.util.Optional.ofNullable(expression);
  }

  public Value force() {
    if (value != null) {
      return value;
    }
    if (running) {
      return new Value.Unknown(expression == null ? dev.pqcert.parse.Span.NONE : expression.span());
    }
    running = true;
    try {
      value = compute.get();
    } finally {
      running = false;
    }
    compute = null;
    return value;
  }
}
