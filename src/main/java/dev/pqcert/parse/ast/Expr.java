package dev.pqcert.parse.ast;

import dev.pqcert.parse.Span;
import java.util.List;
import java.util.Optional;

/** An M expression. Parentheses leave no node: grouping is the tree's shape. */
public sealed interface Expr {
  Span span();

  /** A number, text, logical or null literal; {@code value} is the decoded value. */
  record Literal(Span span, LiteralKind kind, String raw, Object value) implements Expr {}

  /** A reference to a name; {@code name} is unquoted ({@code #"x"} and {@code x} are equal). */
  record Identifier(Span span, String name, boolean inclusive) implements Expr {}

  /** {@code #shared}, {@code #date}, {@code #table} and the other {@code #} keywords. */
  record HashKeyword(Span span, String keyword) implements Expr {}

  /** {@code Section1!Member}. */
  record SectionAccess(Span span, String section, String member) implements Expr {}

  record ListExpr(Span span, List<Expr> items) implements Expr {}

  /** {@code from..to} inside a list. */
  record Range(Span span, Expr from, Expr to) implements Expr {}

  record RecordExpr(Span span, List<Field> fields) implements Expr {}

  /** {@code target[name]}; the target is empty for the implicit {@code _[name]} form. */
  record FieldAccess(Span span, Optional<Expr> target, Name field, boolean optional)
      implements Expr {}

  /** {@code target[[a], [b]]}; the target is empty for the implicit form. */
  record Projection(Span span, Optional<Expr> target, List<Name> fields, boolean optional)
      implements Expr {}

  record ItemAccess(Span span, Expr target, Expr index, boolean optional) implements Expr {}

  record Invoke(Span span, Expr function, List<Expr> arguments) implements Expr {}

  record Unary(Span span, UnaryOperator operator, Expr operand) implements Expr {}

  record Binary(Span span, BinaryOperator operator, Expr left, Expr right) implements Expr {}

  /**
   * {@code x as type} and {@code x is type}: the right side is always a (nullable) primitive type.
   */
  record TypeTest(Span span, boolean assertion, Expr value, TypeNode.Primitive type)
      implements Expr {}

  /** {@code type ...}: a type value. */
  record TypeValue(Span span, TypeNode type) implements Expr {}

  record Function(
      Span span, List<Parameter> parameters, Optional<TypeNode.Primitive> returnType, Expr body)
      implements Expr {}

  /** {@code each body}, which is {@code (_) => body}. */
  record Each(Span span, Expr body) implements Expr {}

  record Let(Span span, List<Binding> bindings, Expr body) implements Expr {}

  record If(Span span, Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {}

  record ErrorRaise(Span span, Expr value) implements Expr {}

  /**
   * {@code try e}, {@code try e otherwise d}, or {@code try e catch (x) => d} (the handler is then
   * a one-or-zero-parameter function).
   */
  record Try(Span span, Expr body, Optional<Expr> otherwise, Optional<Function> catchHandler)
      implements Expr {}

  /** {@code ...}. */
  record NotImplemented(Span span) implements Expr {}

  /** What remains of an expression that did not parse; rules treat it as unknown. */
  record Invalid(Span span) implements Expr {}

  /** A name as written, with its own place (a field name, a binding, a parameter). */
  record Name(Span span, String name) {}

  record Field(Span span, Name name, Expr value) {}

  record Binding(Span span, Name name, Expr value) {}

  record Parameter(Span span, Name name, boolean optional, Optional<TypeNode> type) {}

  enum LiteralKind {
    NUMBER,
    TEXT,
    /** {@code #!"..."}: text the engine could not evaluate, kept as written. */
    VERBATIM,
    LOGICAL,
    NULL
  }

  enum UnaryOperator {
    PLUS("+"),
    MINUS("-"),
    NOT("not");

    private final String symbol;

    UnaryOperator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  enum BinaryOperator {
    META("meta"),
    MULTIPLY("*"),
    DIVIDE("/"),
    ADD("+"),
    SUBTRACT("-"),
    CONCATENATE("&"),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("="),
    NOT_EQUAL("<>"),
    AND("and"),
    OR("or"),
    COALESCE("??");

    private final String symbol;

    BinaryOperator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }
}
