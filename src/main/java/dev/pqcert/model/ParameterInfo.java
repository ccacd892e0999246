package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.Optional;

/**
 * A parameter of an exported function as the engine sees it: after {@code Value.ReplaceType}, its
 * name, whether optional, its type value, and the documentation metadata on that type.
 */
public record ParameterInfo(
    String name,
    boolean optional,
    Optional<Value> type,
    Optional<Value.RecordValue> documentation,
    String file,
    Span span) {

  /** The type's name for messages and comparison: {@code text}, {@code Uri.Type}, {@code any}. */
  public String typeName() {
    return type.map(ParameterInfo::describeType).orElse("any");
  }

  /**
   * The primitive type the parameter's type stands for, without {@code nullable}: {@code text} for
   * {@code Text.Type} or {@code type nullable text}, {@code Uri.Type} kept; {@code any} when
   * untyped.
   */
  public String primitiveType() {
    return type.map(TypeShape::primitiveName).filter(t -> !t.isEmpty()).orElse("any");
  }

  /** A type value's name for messages: {@code text}, {@code Uri.Type}, {@code table}. */
  public static String describeTypeName(Value type) {
    return describeType(type);
  }

  static String describeType(Value type) {
    Value plain = Values.plain(type);
    if (plain instanceof Value.TypeValue typeValue
        && typeValue.shape() instanceof TypeShape.Primitive primitive) {
      return (primitive.nullable() ? "nullable " : "") + primitive.name();
    }
    if (plain instanceof Value.TypeValue typeValue
        && typeValue.shape() instanceof TypeShape.Nullable nullable) {
      return "nullable " + describeType(nullable.inner());
    }
    if (plain instanceof Value.TypeValue typeValue) {
      TypeShape shape = typeValue.shape();
      if (shape instanceof TypeShape.FunctionType) {
        return "function";
      }
      if (shape instanceof TypeShape.RecordType) {
        return "record";
      }
      if (shape instanceof TypeShape.TableType) {
        return "table";
      }
      return shape instanceof TypeShape.ListType ? "list" : "type";
    }
    if (plain instanceof Value.Library library) {
      return library.name();
    }
    return "an unknown type";
  }
}
