package dev.pqcert.bundle;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes connector source files: UTF-8 with or without a byte order mark, or UTF-16 with one.
 * Undecodable bytes are an error, never replaced, so rules never see text that is not in the file.
 */
public final class TextDecoder {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
  private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};

  /** How much of a file without a byte order mark is sampled for NUL bytes. */
  private static final int UTF16_SNIFF_BYTES = 4096;

  private TextDecoder() {}

  /**
   * Decodes a file's bytes.
   *
   * @param displayName the file as messages should name it
   * @throws InputException if the bytes are not valid in the detected encoding, with the line,
   *     column and byte offset of the first bad byte, or if the file looks like UTF-16 without a
   *     byte order mark
   */
  public static DecodedText decode(String displayName, byte[] bytes) throws InputException {
    if (startsWith(bytes, UTF8_BOM)) {
      return decode(displayName, bytes, UTF8_BOM.length, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, UTF16LE_BOM)) {
      return decode(displayName, bytes, UTF16LE_BOM.length, StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, UTF16BE_BOM)) {
      return decode(displayName, bytes, UTF16BE_BOM.length, StandardCharsets.UTF_16BE);
    }
    // NUL is valid UTF-8, so UTF-16 text of ASCII characters would decode "successfully".
    if (looksLikeUtf16(bytes)) {
      throw new InputException(
          displayName,
          "looks like UTF-16 text without a byte order mark (many NUL bytes);"
              + " save it as UTF-8, or as UTF-16 with a byte order mark");
    }
    return decode(displayName, bytes, 0, StandardCharsets.UTF_8);
  }

  private static DecodedText decode(
      String displayName, byte[] bytes, int bomLength, Charset charset) throws InputException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, bomLength, bytes.length - bomLength);
    // Large enough for any valid input, so the decoder never reports overflow.
    CharBuffer output =
        CharBuffer.allocate(
            (int) Math.ceil(input.remaining() * (double) decoder.maxCharsPerByte()));
    CoderResult result = decoder.decode(input, output, true);
    if (!result.isError()) {
      result = decoder.flush(output);
    }
    if (result.isError()) {
      output.flip();
      throw invalidText(displayName, charset, output, input.position());
    }
    output.flip();
    return new DecodedText(output.toString(), charset.name(), bomLength > 0);
  }

  private static InputException invalidText(
      String displayName, Charset charset, CharSequence decodedPrefix, int byteOffset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < decodedPrefix.length(); i++) {
      char c = decodedPrefix.charAt(i);
      if (c == '\r' && i + 1 < decodedPrefix.length() && decodedPrefix.charAt(i + 1) == '\n') {
        continue; // CRLF ends one line, at its LF
      }
      if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)) {
        column++; // a surrogate pair is one character
      }
    }
    return new InputException(
        displayName,
        String.format(
            Locale.ROOT,
            "invalid %s at line %d, column %d (byte offset %d)",
            charset.name(),
            line,
            column,
            byteOffset));
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
