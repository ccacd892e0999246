package dev.pqcert.model;

import java.util.Optional;

/** {@code =} on values known statically; empty when it cannot be decided. */
final class Equality {
  private Equality() {}

  static Optional<Boolean> of(Value l, Value r) {
    if (l instanceof Value.Text a && r instanceof Value.Text b) {
      return Optional.of(a.value().equals(b.value()));
    }
    if (l instanceof Value.NumberValue a && r instanceof Value.NumberValue b) {
      return Optional.of(a.value() == b.value());
    }
    if (l instanceof Value.Logical a && r instanceof Value.Logical b) {
      return Optional.of(a.value() == b.value());
    }
    if (l instanceof Value.Null && r instanceof Value.Null) {
      return Optional.of(true);
    }
    boolean lPrimitive =
        l instanceof Value.Text
            || l instanceof Value.NumberValue
            || l instanceof Value.Logical
            || l instanceof Value.Null;
    boolean rPrimitive =
        r instanceof Value.Text
            || r instanceof Value.NumberValue
            || r instanceof Value.Logical
            || r instanceof Value.Null;
    if (lPrimitive && rPrimitive) {
      return Optional.of(false); // different kinds of primitive values are never equal
    }
    return Optional.empty();
  }
}
