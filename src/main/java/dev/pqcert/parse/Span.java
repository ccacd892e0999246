package dev.pqcert.parse;

/**
 * A half-open range of a source text: {@code start} is the first character, {@code end} is past the
 * last.
 *
 * <p>Every tree node has one, so a span of a parsed text is kept small: two code point offsets and
 * its {@link SourceText}, which turns an offset into line and column when asked. (Keeping two
 * {@link Position}s per span made the spans half the memory of a large file's tree, and the
 * collector's work on them made parse time grow faster than the input.) A span made from positions
 * alone, which has no text to look lines up in, keeps the positions.
 */
public abstract sealed class Span permits Span.InSource, Span.Fixed {
  public static final Span NONE = of(Position.START, Position.START);

  private Span() {}

  /** A span given by its two positions. */
  public static Span of(Position start, Position end) {
    return new Fixed(start, end);
  }

  public abstract Position start();

  public abstract Position end();

  public abstract int startOffset();

  public abstract int endOffset();

  /** From this span's start to the other's end. */
  public abstract Span to(Span other);

  /** The empty span where this one starts. */
  public abstract Span startOnly();

  @Override
  public final boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Span that)) {
      return false;
    }
    if (this instanceof InSource a && that instanceof InSource b && a.source == b.source) {
      return a.startOffset == b.startOffset && a.endOffset == b.endOffset;
    }
    return start().equals(that.start()) && end().equals(that.end());
  }

  @Override
  public final int hashCode() {
    return 31 * start().hashCode() + end().hashCode();
  }

  @Override
  public final String toString() {
    return start() + "-" + end();
  }

  /** A span of a parsed text: offsets only, positions looked up on demand. */
  static final class InSource extends Span {
    private final SourceText source;
    private final int startOffset;
    private final int endOffset;

    InSource(SourceText source, int startOffset, int endOffset) {
      this.source = source;
      this.startOffset = startOffset;
      this.endOffset = endOffset;
    }

    @Override
    public Position start() {
      return source.positionAt(startOffset);
    }

    @Override
    public Position end() {
      return source.positionAt(endOffset);
    }

    @Override
    public int startOffset() {
      return startOffset;
    }

    @Override
    public int endOffset() {
      return endOffset;
    }

    @Override
    public Span to(Span other) {
      if (other instanceof InSource that && that.source == source) {
        return source.span(startOffset, that.endOffset);
      }
      return of(start(), other.end());
    }

    @Override
    public Span startOnly() {
      return source.span(startOffset, startOffset);
    }
  }

  /** A span given by positions (tests, and places outside any parsed text). */
  static final class Fixed extends Span {
    private final Position start;
    private final Position end;

    Fixed(Position start, Position end) {
      this.start = start;
      this.end = end;
    }

    @Override
    public Position start() {
      return start;
    }

    @Override
    public Position end() {
      return end;
    }

    @Override
    public int startOffset() {
      return start.offset();
    }

    @Override
    public int endOffset() {
      return end.offset();
    }

    @Override
    public Span to(Span other) {
      return of(start, other.end());
    }

    @Override
    public Span startOnly() {
      return of(start, start);
    }
  }
}
