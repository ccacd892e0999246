package dev.pqcert.rules;

import dev.pqcert.parse.Span;
import java.util.Objects;

/** Where a finding points: a file inside the target (its path inside the package) and a span. */
public record Location(String file, Span span) {
  /** {@code file:line:col} of the start, as every report writes it. */
  public String describe() {
    return file + ":" + span.start().line() + ":" + span.start().column();
  }

  // Written out: a record's own equals and hashCode are built from method handles on first use,
  // some 5 ms each in a cold run. Same results (see RecordMethodsTest).
  @Override
  public boolean equals(Object other) {
    return other instanceof Location location
        && Objects.equals(file, location.file)
        && Objects.equals(span, location.span);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(file) + Objects.hashCode(span);
  }
}
