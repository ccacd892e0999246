package dev.pqcert.bundle;

/**
 * A file decoded to text.
 *
 * @param text the text, without the byte order mark
 * @param encoding "UTF-8", "UTF-16LE" or "UTF-16BE"
 * @param hadBom whether the file started with a byte order mark
 */
public record DecodedText(String text, String encoding, boolean hadBom) {}
