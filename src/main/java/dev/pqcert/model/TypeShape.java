package dev.pqcert.model;

import java.util.List;
import java.util.Optional;

/** The structure of a type value, with evaluated metadata on its parts. */
public sealed interface TypeShape {
  /** {@code text}, {@code nullable number}, or a library type such as {@code Uri.Type}. */
  record Primitive(String name, boolean nullable) implements TypeShape {}

  record FunctionType(List<ParameterType> parameters, Value returnType) implements TypeShape {}

  /** A parameter of a function type; its type value may carry documentation metadata. */
  record ParameterType(String name, boolean optional, Value type, dev.pqcert.parse.Span span) {}

  record RecordType(List<String> fields, boolean open) implements TypeShape {}

  record TableType(Optional<RecordType> rowType) implements TypeShape {}

  record ListType(Value item) implements TypeShape {}

  /** {@code nullable T} for a non-primitive T. */
  record Nullable(Value inner) implements TypeShape {}
}
