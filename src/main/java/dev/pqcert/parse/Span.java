package dev.pqcert.parse;

/**
 * A half-open range of a source text: {@code start} is the first character, {@code end} is past the
 * last.
 */
public record Span(Position start, Position end) {
  public static final Span NONE = new Span(Position.START, Position.START);

  public Span to(Span other) {
    return new Span(start, other.end);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
