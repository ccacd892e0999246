package dev.pqcert.bundle;

import java.nio.charset.StandardCharsets;

/** Temporary stand-in until the bundle package lands. */
public final class TextDecoder {
  private TextDecoder() {}

  public static DecodedText decode(String displayName, byte[] bytes) throws InputException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean bom = text.startsWith("\uFEFF");
    return new DecodedText(bom ? text.substring(1) : text, "UTF-8", bom);
  }
}
