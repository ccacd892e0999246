package dev.pqcert.parse;

/**
 * A place in a source text. Lines and columns are 1-based; columns and offsets count Unicode code
 * points (SARIF's {@code unicodeCodePoints} column kind), which is what ANTLR's char stream
 * indexes.
 */
public record Position(int line, int column, int offset) implements Comparable<Position> {
  public static final Position START = new Position(1, 1, 0);

  @Override
  public int compareTo(Position other) {
    return Integer.compare(offset, other.offset);
  }

  // Written out: a record's own equals and hashCode are built from method handles on first use,
  // some 5 ms each in a cold run. Same results (see RecordMethodsTest).
  @Override
  public boolean equals(Object other) {
    return other instanceof Position position
        && line == position.line
        && column == position.column
        && offset == position.offset;
  }

  @Override
  public int hashCode() {
    return (31 * line + column) * 31 + offset;
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
