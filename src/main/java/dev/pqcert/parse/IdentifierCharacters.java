package dev.pqcert.parse;

/**
 * The characters of an M identifier, by the specification's Unicode classes: a letter (Lu, Ll, Lt,
 * Lm, Lo, Nl) or {@code _} starts one; a letter, a decimal digit (Nd), a connector (Pc), a
 * combining mark (Mn, Mc) or a format character (Cf) continues it. The lexer grammar lists the
 * ASCII ones and asks here for the others.
 */
public final class IdentifierCharacters {
  private IdentifierCharacters() {}

  /** Whether this code point may start an identifier. */
  public static boolean starts(int codePoint) {
    return codePoint == '_' || letter(Character.getType(codePoint));
  }

  /** Whether this code point may continue an identifier. */
  public static boolean continues(int codePoint) {
    int type = Character.getType(codePoint);
    return letter(type)
        || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.CONNECTOR_PUNCTUATION
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.FORMAT;
  }

  private static boolean letter(int type) {
    return type == Character.UPPERCASE_LETTER
        || type == Character.LOWERCASE_LETTER
        || type == Character.TITLECASE_LETTER
        || type == Character.MODIFIER_LETTER
        || type == Character.OTHER_LETTER
        || type == Character.LETTER_NUMBER;
  }
}
