package dev.pqcert.parse;

import java.util.Arrays;

/**
 * The text of one M file and its line map. Lines end at CR, LF, CRLF, U+0085, U+2028 and U+2029,
 * the way the language specification and editors count them.
 */
public final class SourceText {
  private final String name;
  private final String text;
  private final int[] lineStarts; // code point offset of the first character of each line
  private final int codePointCount;
  private final boolean latin1;
  // lineAtBlock[b]: the line index holding code point offset b << BLOCK_BITS, so a lookup scans at
  // most the lines starting inside one block instead of binary-searching the whole line map.
  private static final int BLOCK_BITS = 6;
  private final int[] lineAtBlock;
  // Nested tree nodes share their first and last tokens, and a tree node often has the span of its
  // only child: a direct-mapped cache of recent spans, so they share the object too. Created on
  // first use; a race between threads only costs a miss (spans are immutable).
  private static final int RECENT_SPANS = 1024;
  private Span[] recentSpans;

  public SourceText(String name, String text) {
    this.name = name;
    this.text = text;
    int[] starts = new int[16];
    int lines = 1;
    int cp = 0;
    int bits = 0;
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      bits |= c;
      int width = Character.isHighSurrogate(c) ? Character.charCount(text.codePointAt(i)) : 1;
      boolean lineEnd = c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';
      if (c == '\r') {
        lineEnd = !(i + 1 < text.length() && text.charAt(i + 1) == '\n');
      }
      i += width;
      cp++;
      if (lineEnd) {
        if (lines == starts.length) {
          starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = cp;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, lines);
    this.codePointCount = cp;
    this.latin1 = bits < 0x100;
    this.lineAtBlock = new int[(cp >> BLOCK_BITS) + 1];
    int line = 0;
    for (int block = 0; block < lineAtBlock.length; block++) {
      int offset = block << BLOCK_BITS;
      while (line + 1 < lines && lineStarts[line + 1] <= offset) {
        line++;
      }
      lineAtBlock[block] = line;
    }
  }

  /** The file name as reports show it: the path inside the package, or the path given. */
  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  public int codePointCount() {
    return codePointCount;
  }

  /** Whether every character is below U+0100 (then code points, chars and bytes coincide). */
  boolean isLatin1() {
    return latin1;
  }

  /**
   * The position of a code point offset; offsets past the end clamp to the end. (Stateless: spans
   * ask for positions from any thread.)
   */
  public Position positionAt(int offset) {
    int clamped = Math.max(0, Math.min(offset, codePointCount));
    int line = lineAtBlock[clamped >> BLOCK_BITS];
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= clamped) {
      line++;
    }
    return new Position(line + 1, clamped - lineStarts[line] + 1, clamped);
  }

  /** The span of code point offsets {@code [startOffset, endOffset)}, clamped to the text. */
  public Span span(int startOffset, int endOffset) {
    int start = Math.max(0, Math.min(startOffset, codePointCount));
    int end = Math.max(0, Math.min(endOffset, codePointCount));
    Span[] cache = recentSpans;
    if (cache == null) {
      cache = new Span[RECENT_SPANS];
      recentSpans = cache;
    }
    int slot = (start * 31 + end) & (RECENT_SPANS - 1);
    Span cached = cache[slot];
    if (cached != null && cached.startOffset() == start && cached.endOffset() == end) {
      return cached;
    }
    Span span = new Span.InSource(this, start, end);
    cache[slot] = span;
    return span;
  }

  /** The text of one line (1-based) without its line end, for messages and markers. */
  public String line(int line) {
    int start = text.offsetByCodePoints(0, lineStarts[line - 1]);
    int end =
        line < lineStarts.length ? text.offsetByCodePoints(0, lineStarts[line]) : text.length();
    String raw = text.substring(start, end);
    int cut = raw.length();
    while (cut > 0 && "\r\n\u0085\u2028\u2029".indexOf(raw.charAt(cut - 1)) >= 0) {
      cut--;
    }
    return raw.substring(0, cut);
  }

  /** The text of code point offsets {@code [startOffset, endOffset)}, clamped to the text. */
  public String slice(int startOffset, int endOffset) {
    int start = charIndex(startOffset);
    return text.substring(start, Math.max(start, charIndex(endOffset)));
  }

  /** The text a span covers. */
  public String slice(Span span) {
    return slice(span.startOffset(), span.endOffset());
  }

  /** The index in {@link #text()} of a code point offset, clamped to the text. */
  public int charIndex(int offset) {
    int clamped = Math.max(0, Math.min(offset, codePointCount));
    return latin1 ? clamped : text.offsetByCodePoints(0, clamped);
  }

  /** The code point offset where a line (1-based) starts. */
  public int lineStart(int line) {
    return lineStarts[line - 1];
  }

  /** The first line end the text has ({@code "\r\n"}, {@code "\n"}...); empty without one. */
  public java.util.Optional<String> firstLineEnd() {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        return java.util.Optional.of(
            i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r");
      }
      if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return java.util.Optional.of(String.valueOf(c));
      }
    }
    return java.util.Optional.empty();
  }
}
