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
}
