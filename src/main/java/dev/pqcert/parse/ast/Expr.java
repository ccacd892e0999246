package dev.pqcert.parse.ast;

import dev.pqcert.parse.Span;
import java.util.List;
import java.util.Optional;

/** An M expression. Parentheses leave no node: grouping is the tree's shape. */
public sealed interface Expr {
  Span span();

  /**
   * Calls the visitor's method for this kind of node. Every kind has its method, so that a new kind
   * of node cannot be skipped silently by anything that walks expressions.
   */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of expression node. */
  interface Visitor<R> {
    R literal(Literal node);

    R identifier(Identifier node);

    R hashKeyword(HashKeyword node);

    R sectionAccess(SectionAccess node);

    R list(ListExpr node);

    R range(Range node);

    R record(RecordExpr node);

    R fieldAccess(FieldAccess node);

    R projection(Projection node);

    R itemAccess(ItemAccess node);

    R invoke(Invoke node);

    R unary(Unary node);

    R binary(Binary node);

    R typeTest(TypeTest node);

    R typeValue(TypeValue node);

    R function(Function node);

    R each(Each node);

    R let(Let node);

    R ifThenElse(If node);

    R errorRaise(ErrorRaise node);

    R tryCatch(Try node);

    R notImplemented(NotImplemented node);

    R invalid(Invalid node);
  }

  /** A number, text, logical or null literal; {@code value} is the decoded value. */
  record Literal(Span span, LiteralKind kind, String raw, Object value) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.literal(this);
    }
  }

  /** A reference to a name; {@code name} is unquoted ({@code #"x"} and {@code x} are equal). */
  record Identifier(Span span, String name, boolean inclusive) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.identifier(this);
    }
  }

  /** {@code #shared}, {@code #date}, {@code #table} and the other {@code #} keywords. */
  record HashKeyword(Span span, String keyword) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.hashKeyword(this);
    }
  }

  /** {@code Section1!Member}. */
  record SectionAccess(Span span, String section, String member) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.sectionAccess(this);
    }
  }

  record ListExpr(Span span, List<Expr> items) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.list(this);
    }
  }

  /** {@code from..to} inside a list. */
  record Range(Span span, Expr from, Expr to) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.range(this);
    }
  }

  record RecordExpr(Span span, List<Field> fields) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.record(this);
    }
  }

  /** {@code target[name]}; the target is empty for the implicit {@code _[name]} form. */
  record FieldAccess(Span span, Optional<Expr> target, Name field, boolean optional)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.fieldAccess(this);
    }
  }

  /** {@code target[[a], [b]]}; the target is empty for the implicit form. */
  record Projection(Span span, Optional<Expr> target, List<Name> fields, boolean optional)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.projection(this);
    }
  }

  record ItemAccess(Span span, Expr target, Expr index, boolean optional) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.itemAccess(this);
    }
  }

  record Invoke(Span span, Expr function, List<Expr> arguments) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.invoke(this);
    }
  }

  record Unary(Span span, UnaryOperator operator, Expr operand) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.unary(this);
    }
  }

  record Binary(Span span, BinaryOperator operator, Expr left, Expr right) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.binary(this);
    }
  }

  /**
   * {@code x as type} and {@code x is type}: the right side is always a (nullable) primitive type.
   */
  record TypeTest(Span span, boolean assertion, Expr value, TypeNode.Primitive type)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.typeTest(this);
    }
  }

  /** {@code type ...}: a type value. */
  record TypeValue(Span span, TypeNode type) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.typeValue(this);
    }
  }

  record Function(
      Span span, List<Parameter> parameters, Optional<TypeNode.Primitive> returnType, Expr body)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.function(this);
    }
  }

  /** {@code each body}, which is {@code (_) => body}. */
  record Each(Span span, Expr body) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.each(this);
    }
  }

  record Let(Span span, List<Binding> bindings, Expr body) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.let(this);
    }
  }

  record If(Span span, Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.ifThenElse(this);
    }
  }

  record ErrorRaise(Span span, Expr value) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.errorRaise(this);
    }
  }

  /**
   * {@code try e}, {@code try e otherwise d}, or {@code try e catch (x) => d} (the handler is then
   * a one-or-zero-parameter function).
   */
  record Try(Span span, Expr body, Optional<Expr> otherwise, Optional<Function> catchHandler)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.tryCatch(this);
    }
  }

  /** {@code ...}. */
  record NotImplemented(Span span) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.notImplemented(this);
    }
  }

  /** What remains of an expression that did not parse; rules treat it as unknown. */
  record Invalid(Span span) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.invalid(this);
    }
  }

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
