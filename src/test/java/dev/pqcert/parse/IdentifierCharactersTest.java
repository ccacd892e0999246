package dev.pqcert.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.parse.antlr.MLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

class IdentifierCharactersTest {
  @Test
  void theSpecificationsClasses() {
    for (int c : new int[] {'a', 'Z', '_', 'é', '中', 'Ⅻ', 'ǅ', 'ʰ'}) {
      assertTrue(IdentifierCharacters.starts(c), () -> Character.getName(c));
      assertTrue(IdentifierCharacters.continues(c), () -> Character.getName(c));
    }
    // digits, connectors, combining marks and format characters continue a name only
    for (int c : new int[] {'7', '٣', '‿', '\u0301', '\u0903', '\u200D'}) {
      assertFalse(IdentifierCharacters.starts(c), () -> Character.getName(c));
      assertTrue(IdentifierCharacters.continues(c), () -> Character.getName(c));
    }
    for (int c : new int[] {'-', ' ', '\u00A0', '€', '·', '\u2028', 0x1F600}) {
      assertFalse(IdentifierCharacters.starts(c), () -> Character.getName(c));
      assertFalse(IdentifierCharacters.continues(c), () -> Character.getName(c));
    }
  }

  /**
   * The lexer takes a character into a name exactly when these say so: the ASCII ones the grammar
   * lists, and the others it asks about. Every character of the Basic Multilingual Plane, and the
   * first of every 16 beyond it.
   */
  @Test
  void theLexerAgreesForEveryCharacter() {
    List<String> disagreements = new ArrayList<>();
    for (int c = 0; c <= Character.MAX_CODE_POINT; c += c < 0x10000 ? 1 : 16) {
      if (Character.isSurrogate((char) c) && c < 0x10000) {
        continue;
      }
      String character = Character.toString(c);
      boolean starts = firstTokenLength(character + "x") == 2;
      boolean continues = firstTokenLength("x" + character) == 2;
      if (starts != IdentifierCharacters.starts(c)
          || continues != IdentifierCharacters.continues(c)) {
        disagreements.add(String.format("U+%04X", c));
      }
    }
    assertEquals(List.of(), disagreements);
  }

  /** The length in code points of the first token when it is an identifier, else 0. */
  private static int firstTokenLength(String text) {
    MLexer lexer = new MLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    Token token = lexer.nextToken();
    return token.getType() == MLexer.IDENTIFIER
        ? token.getStopIndex() - token.getStartIndex() + 1
        : 0;
  }
}
