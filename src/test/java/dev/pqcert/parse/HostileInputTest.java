package dev.pqcert.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.parse.ast.Expr;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any input ends in a parse result or a located error: no StackOverflowError or OutOfMemoryError
 * escapes. (How long these take is measured by the benchmark, not asserted here.)
 */
class HostileInputTest {
  private static final int DEPTH = 100_000;

  private static ParseResult parseExpression(String text) {
    return DocumentParser.parse(new SourceText("hostile.m", text), DocumentKind.EXPRESSION);
  }

  static Stream<Arguments> deepNesting() {
    return Stream.of(
        Arguments.of("parentheses", "(".repeat(DEPTH) + "1" + ")".repeat(DEPTH)),
        Arguments.of("lists", "{".repeat(DEPTH) + "1" + "}".repeat(DEPTH)),
        Arguments.of("records", "[a=".repeat(DEPTH) + "1" + "]".repeat(DEPTH)),
        Arguments.of("if", "if true then ".repeat(DEPTH) + "1" + " else 2".repeat(DEPTH)),
        Arguments.of("let", "let a = ".repeat(DEPTH) + "1" + " in a".repeat(DEPTH)),
        Arguments.of("each", "each ".repeat(DEPTH) + "1"),
        Arguments.of("try", "try ".repeat(DEPTH) + "1"),
        Arguments.of("unary minus", "-".repeat(DEPTH) + "1"),
        Arguments.of("calls", "f" + "(1)".repeat(DEPTH)));
  }

  @ParameterizedTest(name = "100,000-deep {0}")
  @MethodSource("deepNesting")
  void deepNestingParses(String name, String text) {
    ParseResult result = parseExpression(text);
    assertTrue(result.ok(), () -> name + ": " + result.errors());
  }

  @Test
  void deepNestingWithAnErrorAtTheBottomIsLocated() {
    ParseResult result = parseExpression("(".repeat(DEPTH) + "1 +" + ")".repeat(DEPTH));
    assertFalse(result.ok());
    assertEquals(1, result.errors().get(0).span().start().line());
    assertEquals(DEPTH + 4, result.errors().get(0).span().start().column());
  }

  @Test
  void millionOperandChainParses() {
    ParseResult result = parseExpression("a" + " + a".repeat(1_000_000));
    assertTrue(result.ok(), () -> result.errors().toString());
    assertTrue(result.document().expression().orElseThrow() instanceof Expr.Binary);
  }

  @Test
  void fiftyMegabyteSectionDocumentParses() {
    String member = "M%d = [Name = \"member %d\", Values = {1, 2, 3}, F = (x) => x * 2];\n";
    StringBuilder text = new StringBuilder(52 * 1024 * 1024).append("section Big;\n");
    for (int i = 0; text.length() < 50 * 1024 * 1024; i++) {
      text.append(String.format(java.util.Locale.ROOT, member, i, i));
    }
    ParseResult result =
        DocumentParser.parse(new SourceText("big.pq", text.toString()), DocumentKind.AUTO);
    assertTrue(result.ok(), () -> result.errors().toString());
    assertTrue(result.document().section().orElseThrow().members().size() > 500_000);
  }

  @Test
  void tenMegabyteSingleLineParses() {
    StringBuilder text = new StringBuilder("{");
    while (text.length() < 10 * 1024 * 1024) {
      text.append("\"item\", ");
    }
    text.append("1}");
    ParseResult result = parseExpression(text.toString());
    assertTrue(result.ok(), () -> result.errors().toString());
  }

  @Test
  void controlCharactersAndBrokenSurrogatesAreErrorsNotCrashes() {
    for (String text :
        new String[] {"\u0000", "a\u0000b", "\uD800", "\uDC00 + 1", "x = \uDBFF", "\u0001\u0002"}) {
      ParseResult result = parseExpression(text);
      assertFalse(result.ok(), text);
    }
    // Inside a text literal they are characters like any other.
    assertTrue(parseExpression("\"a\u0000b\uD800\"").ok());
  }
}
