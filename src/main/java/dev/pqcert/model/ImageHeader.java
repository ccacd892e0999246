package dev.pqcert.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * What the first bytes of an image file say: its format and pixel size. Read from the header only
 * (PNG's IHDR chunk, a JPEG frame header, GIF's and BMP's fixed fields), never decoded.
 */
public record ImageHeader(String format, int width, int height) {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /**
   * A PNG signature whose CR LF became LF: what a checkout that treats the file as text (git's
   * {@code text} or {@code eol=lf} attribute) writes. The rest of the file is damaged the same way.
   */
  private static final byte[] PNG_LINE_ENDS_CONVERTED = {
    (byte) 0x89, 'P', 'N', 'G', '\n', 0x1a, '\n'
  };

  /** The format name of a PNG whose line ends were converted as text. */
  public static final String PNG_CONVERTED = "PNG damaged by line-end conversion";

  public boolean isPng() {
    return format.equals("PNG");
  }

  /** The header of an image file, or empty when it is no image format known here. */
  public static Optional<ImageHeader> read(byte[] bytes) {
    if (startsWith(bytes, PNG_LINE_ENDS_CONVERTED)) {
      return Optional.of(new ImageHeader(PNG_CONVERTED, 0, 0));
    }
    if (startsWith(bytes, PNG)) {
      // The IHDR chunk comes first: length 13, type, width, height (big-endian).
      if (bytes.length < 24
          || !new String(bytes, 12, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("IHDR")) {
        return Optional.of(new ImageHeader("PNG", 0, 0));
      }
      ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8).order(ByteOrder.BIG_ENDIAN);
      return Optional.of(new ImageHeader("PNG", header.getInt(), header.getInt()));
    }
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xff
        && (bytes[1] & 0xff) == 0xd8
        && (bytes[2] & 0xff) == 0xff) {
      return Optional.of(jpeg(bytes));
    }
    if (bytes.length >= 10 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F') {
      ByteBuffer header = ByteBuffer.wrap(bytes, 6, 4).order(ByteOrder.LITTLE_ENDIAN);
      return Optional.of(
          new ImageHeader("GIF", header.getShort() & 0xffff, header.getShort() & 0xffff));
    }
    if (bytes.length >= 26 && bytes[0] == 'B' && bytes[1] == 'M') {
      ByteBuffer header = ByteBuffer.wrap(bytes, 18, 8).order(ByteOrder.LITTLE_ENDIAN);
      return Optional.of(new ImageHeader("BMP", header.getInt(), Math.abs(header.getInt())));
    }
    return Optional.empty();
  }

  /** A JPEG's size is in its first start-of-frame segment (SOF0 to SOF15, not DHT, JPG, DAC). */
  private static ImageHeader jpeg(byte[] bytes) {
    int i = 2;
    while (i + 9 < bytes.length) {
      if ((bytes[i] & 0xff) != 0xff) {
        break;
      }
      int marker = bytes[i + 1] & 0xff;
      int length = ((bytes[i + 2] & 0xff) << 8) | (bytes[i + 3] & 0xff);
      boolean frame =
          marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (frame) {
        int height = ((bytes[i + 5] & 0xff) << 8) | (bytes[i + 6] & 0xff);
        int width = ((bytes[i + 7] & 0xff) << 8) | (bytes[i + 8] & 0xff);
        return new ImageHeader("JPEG", width, height);
      }
      i += 2 + length;
    }
    return new ImageHeader("JPEG", 0, 0);
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
