package dev.pqcert.bundle;

import java.util.Locale;
import java.util.Optional;

/**
 * A file decoded to text (UTF-8, or UTF-16 with a byte order mark).
 *
 * @param text the text, without the byte order mark; each byte sequence that is not valid in the
 *     encoding is one U+FFFD REPLACEMENT CHARACTER, as Power Query reads it
 * @param undecodable where the first byte sequence that is not valid in the encoding is; empty when
 *     the whole file is valid
 */
public record DecodedText(String text, Optional<Undecodable> undecodable) {

  /**
   * The first byte sequence that is not valid in the file's encoding.
   *
   * @param offset where its replacement character is in the text (a UTF-16 index)
   * @param line 1-based line of it
   * @param column 1-based column of it, in Unicode code points
   * @param byteOffset where it starts in the file, byte order mark included
   * @param count how many such sequences the file has
   * @param encoding the file's encoding, "UTF-8", "UTF-16LE" or "UTF-16BE"
   */
  public record Undecodable(
      int offset, int line, int column, long byteOffset, int count, String encoding) {}

  /** {@code "invalid UTF-8 at line 3, column 7 (byte offset 52)"}; empty for valid text. */
  public Optional<String> problem() {
    return undecodable.map(
        u ->
            String.format(
                Locale.ROOT,
                "invalid %s at line %d, column %d (byte offset %d)",
                u.encoding(),
                u.line(),
                u.column(),
                u.byteOffset()));
  }
}
