package dev.pqcert.model;

import java.util.Optional;

/** Small helpers over values. */
public final class Values {
  private Values() {}

  /** The value without its metadata. */
  public static Value plain(Value value) {
    Value current = value;
    while (current instanceof Value.WithMeta withMeta) {
      current = withMeta.value();
    }
    return current;
  }

  /** The value's metadata record, when it has one (nearest wins over outer). */
  public static Optional<Value.RecordValue> meta(Value value) {
    return value instanceof Value.WithMeta withMeta
        ? Optional.of(withMeta.meta())
        : Optional.empty();
  }

  public static Optional<String> text(Value value) {
    return plain(value) instanceof Value.Text text ? Optional.of(text.value()) : Optional.empty();
  }

  public static Optional<Value.RecordValue> record(Value value) {
    return plain(value) instanceof Value.RecordValue record
        ? Optional.of(record)
        : Optional.empty();
  }

  public static Optional<Boolean> logical(Value value) {
    return plain(value) instanceof Value.Logical logical
        ? Optional.of(logical.value())
        : Optional.empty();
  }

  public static boolean isKnown(Value value) {
    return !(plain(value) instanceof Value.Unknown);
  }

  /**
   * What two values that may each be the value agree on (the rounds of a loop): records field by
   * field, so that a field holding a URL stays apart from one holding a token; otherwise as {@link
   * Urls#either}.
   */
  static Value join(dev.pqcert.parse.Span span, Value a, Value b) {
    if (a == b) {
      return a;
    }
    Value left = plain(a);
    Value right = plain(b);
    if (left instanceof Value.RecordValue l && right instanceof Value.RecordValue r) {
      java.util.Map<String, Value.RecordField> fields = new java.util.LinkedHashMap<>();
      for (Value.RecordField field : l.fields().values()) {
        Value other = r.get(field.name()).orElse(new Value.Unknown(span));
        fields.put(
            field.name(),
            new Value.RecordField(
                field.nameSpan(), field.name(), join(span, field.value(), other)));
      }
      for (Value.RecordField field : r.fields().values()) {
        fields.putIfAbsent(
            field.name(),
            new Value.RecordField(
                field.nameSpan(),
                field.name(),
                join(span, new Value.Unknown(span), field.value())));
      }
      return new Value.RecordValue(span, fields, l.file());
    }
    if (Equality.of(left, right).orElse(false)) {
      return a;
    }
    return Urls.either(span, a, b);
  }

  /**
   * The primitive type a value is known to have ({@code record}, {@code text}, a type an unknown
   * value learned such as {@code table}); empty when not known.
   */
  public static String primitiveType(Value value) {
    Value plain = plain(value);
    if (plain instanceof Value.Unknown unknown) {
      return unknown.type();
    }
    if (plain instanceof Value.RecordValue) {
      return "record";
    }
    if (plain instanceof Value.Text) {
      return "text";
    }
    if (plain instanceof Value.ListValue) {
      return "list";
    }
    if (plain instanceof Value.NumberValue) {
      return "number";
    }
    if (plain instanceof Value.Logical) {
      return "logical";
    }
    if (plain instanceof Value.FunctionValue || plain instanceof Value.Library) {
      return "function";
    }
    if (plain instanceof Value.TypeValue) {
      return "type";
    }
    if (plain instanceof Value.BundledFile) {
      return "binary";
    }
    return "";
  }
}
