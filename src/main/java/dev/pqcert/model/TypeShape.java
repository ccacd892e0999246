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

  /**
   * The library's type constants and the primitive type each stands for ({@code Text.Type} is
   * {@code text}, {@code Int64.Type} a number); {@code Uri.Type} keeps its own name, as the data
   * source path treats it specially.
   */
  java.util.Map<String, String> LIBRARY_TYPES =
      java.util.Map.ofEntries(
          java.util.Map.entry("Any.Type", "any"),
          java.util.Map.entry("Binary.Type", "binary"),
          java.util.Map.entry("Date.Type", "date"),
          java.util.Map.entry("DateTime.Type", "datetime"),
          java.util.Map.entry("DateTimeZone.Type", "datetimezone"),
          java.util.Map.entry("Duration.Type", "duration"),
          java.util.Map.entry("Function.Type", "function"),
          java.util.Map.entry("List.Type", "list"),
          java.util.Map.entry("Logical.Type", "logical"),
          java.util.Map.entry("None.Type", "none"),
          java.util.Map.entry("Null.Type", "null"),
          java.util.Map.entry("Number.Type", "number"),
          java.util.Map.entry("Record.Type", "record"),
          java.util.Map.entry("Table.Type", "table"),
          java.util.Map.entry("Text.Type", "text"),
          java.util.Map.entry("Time.Type", "time"),
          java.util.Map.entry("Type.Type", "type"),
          java.util.Map.entry("Byte.Type", "number"),
          java.util.Map.entry("Int8.Type", "number"),
          java.util.Map.entry("Int16.Type", "number"),
          java.util.Map.entry("Int32.Type", "number"),
          java.util.Map.entry("Int64.Type", "number"),
          java.util.Map.entry("Single.Type", "number"),
          java.util.Map.entry("Double.Type", "number"),
          java.util.Map.entry("Decimal.Type", "number"),
          java.util.Map.entry("Currency.Type", "number"),
          java.util.Map.entry("Percentage.Type", "number"),
          java.util.Map.entry("Character.Type", "text"),
          java.util.Map.entry("Guid.Type", "text"),
          java.util.Map.entry("Password.Type", "text"),
          java.util.Map.entry("Uri.Type", "Uri.Type"));

  /**
   * The primitive type a type value stands for, without {@code nullable}: {@code table} for {@code
   * type table [...]}, {@code text} for {@code Text.Type}; empty when not known.
   */
  static String primitiveName(Value type) {
    Value plain = Values.plain(type);
    if (plain instanceof Value.Library library) {
      return LIBRARY_TYPES.getOrDefault(library.name(), "");
    }
    if (!(plain instanceof Value.TypeValue typeValue)) {
      return "";
    }
    TypeShape shape = typeValue.shape();
    if (shape instanceof Primitive primitive) {
      return primitive.name();
    }
    if (shape instanceof Nullable nullable) {
      return primitiveName(nullable.inner());
    }
    if (shape instanceof TableType) {
      return "table";
    }
    if (shape instanceof RecordType) {
      return "record";
    }
    if (shape instanceof ListType) {
      return "list";
    }
    return "function";
  }
}
