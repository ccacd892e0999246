package dev.pqcert.model;

import dev.pqcert.parse.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value the model knows statically, with the place it was written. Anything not known is {@link
 * Unknown}: rules must never guess.
 */
public sealed interface Value {
  Span span();

  record Text(Span span, String value) implements Value {}

  record Number(Span span, double value, String raw) implements Value {}

  record Logical(Span span, boolean value) implements Value {}

  record Null(Span span) implements Value {}

  record ListValue(Span span, List<Value> items) implements Value {}

  /** Fields keep their written order; each field keeps the place of its name. */
  record RecordValue(Span span, Map<String, RecordField> fields) implements Value {
    public RecordValue {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<RecordField> field(String name) {
      return Optional.ofNullable(fields.get(name));
    }
  }

  record RecordField(Span nameSpan, String name, Value value) {}

  record Unknown(Span span) implements Value {}

  /** How a value reads in a message: {@code "1.0"}, {@code 1}, {@code true}, {@code a record}. */
  static String describe(Value value) {
    if (value instanceof Text text) {
      return "\"" + text.value() + "\"";
    }
    if (value instanceof Number number) {
      return number.raw();
    }
    if (value instanceof Logical logical) {
      return Boolean.toString(logical.value());
    }
    if (value instanceof Null) {
      return "null";
    }
    if (value instanceof ListValue) {
      return "a list";
    }
    if (value instanceof RecordValue) {
      return "a record";
    }
    return "a value not known before run time";
  }
}
