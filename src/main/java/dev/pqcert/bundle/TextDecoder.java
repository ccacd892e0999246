package dev.pqcert.bundle;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decodes connector source files: UTF-8 with or without a byte order mark, or UTF-16 with one. As
 * Power Query does, each byte sequence that is not valid in the encoding becomes one U+FFFD
 * REPLACEMENT CHARACTER, and the text is read on; where the first one is, and how many there are,
 * is kept for the rule that reports them (PQ003).
 */
public final class TextDecoder {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
  private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};

  private static final char REPLACEMENT = '\uFFFD';

  /** How much of a file without a byte order mark is sampled for NUL bytes. */
  private static final int UTF16_SNIFF_BYTES = 4096;

  private TextDecoder() {}

  /**
   * Decodes a file's bytes.
   *
   * @param displayName the file as messages should name it
   * @throws InputException if the file looks like UTF-16 without a byte order mark, which no
   *     decoding would read as the text it holds
   */
  public static DecodedText decode(String displayName, byte[] bytes) throws InputException {
    if (startsWith(bytes, UTF8_BOM)) {
      return decode(bytes, UTF8_BOM.length, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, UTF16LE_BOM)) {
      return decode(bytes, UTF16LE_BOM.length, StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, UTF16BE_BOM)) {
      return decode(bytes, UTF16BE_BOM.length, StandardCharsets.UTF_16BE);
    }
    // NUL is valid UTF-8, so UTF-16 text of ASCII characters would decode "successfully".
    if (looksLikeUtf16(bytes)) {
      throw new InputException(
          displayName,
          "looks like UTF-16 text without a byte order mark (many NUL bytes);"
              + " save it as UTF-8, or as UTF-16 with a byte order mark");
    }
    return decode(bytes, 0, StandardCharsets.UTF_8);
  }

  private static DecodedText decode(byte[] bytes, int bomLength, Charset charset) {
    // The common case first: text a String decodes without a replacement character is valid (the
    // JDK's String decoding is much faster cold than a CharsetDecoder). Otherwise the decoder
    // below finds where it is not, and a text that holds U+FFFD itself is read there too.
    String whole = new String(bytes, bomLength, bytes.length - bomLength, charset);
    if (whole.indexOf(REPLACEMENT) < 0) {
      return new DecodedText(whole, Optional.empty());
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, bomLength, bytes.length - bomLength);
    // Never more characters than bytes, replacements included, so the decoder never overflows.
    CharBuffer output = CharBuffer.allocate(input.remaining() + 1);
    int firstOffset = -1;
    long firstByte = -1;
    int count = 0;
    boolean flushed = false;
    while (true) {
      CoderResult result = flushed ? decoder.flush(output) : decoder.decode(input, output, true);
      if (result.isError()) {
        if (count++ == 0) {
          firstOffset = output.position();
          firstByte = input.position();
        }
        output.put(REPLACEMENT);
        input.position(input.position() + result.length());
        continue;
      }
      if (flushed) {
        break;
      }
      flushed = true;
    }
    output.flip();
    String text = output.toString();
    Optional<DecodedText.Undecodable> undecodable = Optional.empty();
    if (count > 0) {
      int[] lineAndColumn = lineAndColumn(text, firstOffset);
      undecodable =
          Optional.of(
              new DecodedText.Undecodable(
                  firstOffset,
                  lineAndColumn[0],
                  lineAndColumn[1],
                  firstByte,
                  count,
                  charset.name()));
    }
    return new DecodedText(text, undecodable);
  }

  /** The 1-based line and column (in code points) of an offset, as the M lexer counts them. */
  private static int[] lineAndColumn(CharSequence text, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < offset && text.charAt(i + 1) == '\n') {
        continue; // CRLF ends one line, at its LF
      }
      if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)) {
        column++; // a surrogate pair is one character
      }
    }
    return new int[] {line, column};
  }

  private static boolean looksLikeUtf16(byte[] bytes) {
    int sampled = Math.min(bytes.length, UTF16_SNIFF_BYTES);
    int nuls = 0;
    for (int i = 0; i < sampled; i++) {
      if (bytes[i] == 0) {
        nuls++;
      }
    }
    // In UTF-16, every ASCII character has a NUL byte; a quarter allows for non-ASCII text.
    return sampled >= 2 && nuls * 4 >= sampled;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
