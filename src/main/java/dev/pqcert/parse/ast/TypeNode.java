package dev.pqcert.parse.ast;

import dev.pqcert.parse.Span;
import java.util.List;
import java.util.Optional;

/** A type as written after the {@code type} keyword, in a function type, or in a type assertion. */
public sealed interface TypeNode {
  Span span();

  /** {@code text}, {@code nullable number}, {@code any}... */
  record Primitive(Span span, String name, boolean nullable) implements TypeNode {}

  record RecordType(Span span, List<FieldSpec> fields, boolean open) implements TypeNode {}

  record ListType(Span span, TypeNode item) implements TypeNode {}

  record FunctionType(Span span, List<ParameterSpec> parameters, TypeNode returnType)
      implements TypeNode {}

  /** {@code table [A = text]}, or {@code table (rowTypeExpression)} with {@code rowExpression}. */
  record TableType(Span span, Optional<RecordType> rowType, Optional<Expr> rowExpression)
      implements TypeNode {}

  record NullableType(Span span, TypeNode inner) implements TypeNode {}

  /** A type given by an expression: {@code Uri.Type}, {@code (Uri.Type meta [...])}. */
  record ExpressionType(Span span, Expr expression) implements TypeNode {}

  record FieldSpec(Span span, Expr.Name name, boolean optional, Optional<TypeNode> type) {}

  record ParameterSpec(Span span, Expr.Name name, boolean optional, TypeNode type) {}
}
