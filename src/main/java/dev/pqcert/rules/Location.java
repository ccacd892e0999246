package dev.pqcert.rules;

import dev.pqcert.parse.Span;

/** Where a finding points: a file inside the target (its path inside the package) and a span. */
public record Location(String file, Span span) {
  /** {@code file:line:col} of the start, as every report writes it. */
  public String describe() {
    return file + ":" + span.start().line() + ":" + span.start().column();
  }
}
