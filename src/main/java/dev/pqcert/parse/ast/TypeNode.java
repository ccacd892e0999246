package dev.pqcert.parse.ast;

import dev.pqcert.parse.Span;
import java.util.List;
import java.util.Optional;

/** A type as written after the {@code type} keyword, in a function type, or in a type assertion. */
public sealed interface TypeNode {
  Span span();

  /** Calls the visitor's method for this kind of type: none can be skipped silently. */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of type node. */
  interface Visitor<R> {
    R primitive(Primitive node);

    R record(RecordType node);

    R list(ListType node);

    R function(FunctionType node);

    R table(TableType node);

    R nullable(NullableType node);

    R expression(ExpressionType node);
  }

  /** {@code text}, {@code nullable number}, {@code any}... */
  record Primitive(Span span, String name, boolean nullable) implements TypeNode {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.primitive(this);
    }
  }

  record RecordType(Span span, List<FieldSpec> fields, boolean open) implements TypeNode {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.record(this);
    }
  }

  record ListType(Span span, TypeNode item) implements TypeNode {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.list(this);
    }
  }

  record FunctionType(Span span, List<ParameterSpec> parameters, TypeNode returnType)
      implements TypeNode {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.function(this);
    }
  }

  /** {@code table [A = text]}, or {@code table (rowTypeExpression)} with {@code rowExpression}. */
  record TableType(Span span, Optional<RecordType> rowType, Optional<Expr> rowExpression)
      implements TypeNode {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.table(this);
    }
  }

  record NullableType(Span span, TypeNode inner) implements TypeNode {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.nullable(this);
    }
  }

  /** A type given by an expression: {@code Uri.Type}, {@code (Uri.Type meta [...])}. */
  record ExpressionType(Span span, Expr expression) implements TypeNode {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.expression(this);
    }
  }

  record FieldSpec(Span span, Expr.Name name, boolean optional, Optional<TypeNode> type) {}

  record ParameterSpec(Span span, Expr.Name name, boolean optional, TypeNode type) {}
}
