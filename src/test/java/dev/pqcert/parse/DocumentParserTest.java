package dev.pqcert.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.SectionDocument;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentParserTest {

  private static ParseResult parse(String text) {
    return DocumentParser.parse(new SourceText("test.m", text), DocumentKind.AUTO);
  }

  private static String shape(String expression) {
    ParseResult result =
        DocumentParser.parse(new SourceText("test.m", expression), DocumentKind.EXPRESSION);
    assertTrue(result.ok(), () -> expression + ": " + result.errors());
    return Shapes.of(result.document().expression().orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "a - b - c | (- (- a b) c)",
        "a * b + c | (+ (* a b) c)",
        "a + b * c | (+ a (* b c))",
        "a meta b * c | (* (meta a b) c)",
        "not a = b | (= (not a) b)",
        "- a meta b | (meta (- a) b)",
        "a ?? b or c | (?? a (or b c))",
        "a ?? b ?? c | (?? a (?? b c))",
        "a and b or c and d | (or (and a b) (and c d))",
        "a & b = c & d | (= (& a b) (& c d))",
        "a < b = c | (= (< a b) c)",
        "x as number is number | (is (as x number) number)",
        "f(a)[b]{0}? | (item (field (call f a) b) 0?)",
        "each [a] + _ | (each (+ (field _ a) _))",
        "(x, optional y) => x | (fn x,?y x)",
        "try a otherwise b | (try a otherwise b)",
        "try a catch (e) => e | (try a catch (fn e e))",
        "if a then b else if c then d else e | (if a b (if c d e))",
        "let x = 1, y = x in y | (let x=1 y=x in y)",
        "@f(1) | (call @f 1)",
        "type table (Row) | (type table(Row))",
        "type function (a as text) as table | (type function/1->table)",
        "[a = 1, b c = 2][b c] | (field [a=1 b c=2] b c)",
      })
  void precedenceAndAssociativity(String expression, String expected) {
    assertEquals(expected, shape(expression));
  }

  @Test
  void longOperatorChainsBuildWithoutDeepRecursion() {
    StringBuilder text = new StringBuilder("a");
    for (int i = 0; i < 200_000; i++) {
      text.append(" + a");
    }
    ParseResult result =
        DocumentParser.parse(new SourceText("chain.m", text.toString()), DocumentKind.EXPRESSION);
    assertTrue(result.ok(), () -> result.errors().toString());
    Expr root = result.document().expression().orElseThrow();
    assertTrue(root instanceof Expr.Binary binary && binary.right() instanceof Expr.Identifier);
  }

  @Test
  void sectionDocumentKeepsNamesAttributesAndPositions() {
    ParseResult result =
        parse(
            "[Version = \"1.0.0\"]\r\nsection #\"My Source\";\r\n\r\n"
                + "[DataSource.Kind = \"My Source\"]\r\nshared #\"My Source.Contents\" = 1;\r\n");
    assertTrue(result.ok(), () -> result.errors().toString());
    SectionDocument section = result.document().section().orElseThrow();
    assertEquals("My Source", section.name().orElseThrow().name());
    assertEquals(new Position(2, 1, 21), section.sectionKeyword().start());
    assertEquals("My Source.Contents", section.members().get(0).name().name());
    assertTrue(section.members().get(0).shared());
    assertEquals(4, section.members().get(0).span().start().line()); // attributes included
    assertEquals(
        "DataSource.Kind",
        section.members().get(0).attributes().orElseThrow().fields().get(0).name().name());
  }

  @Test
  void sectionWithoutNameIsAccepted() {
    ParseResult result = parse("section;\nx = 1;");
    assertTrue(result.ok(), () -> result.errors().toString());
    assertTrue(result.document().section().orElseThrow().name().isEmpty());
  }

  static Stream<Arguments> lineEnds() {
    return Stream.of(
        Arguments.of("LF", "\n"),
        Arguments.of("CRLF", "\r\n"),
        Arguments.of("CR", "\r"),
        Arguments.of("NEL", "\u0085"),
        Arguments.of("LS", "\u2028"),
        Arguments.of("PS", "\u2029"));
  }

  @ParameterizedTest(name = "line ends {0}")
  @MethodSource("lineEnds")
  void everyLineEndCountsAsOneLine(String name, String lineEnd) {
    ParseResult result =
        parse("section S;" + lineEnd + lineEnd + "a = 1;" + lineEnd + "b = ;" + lineEnd);
    assertEquals(1, result.errors().size(), result.errors().toString());
    assertEquals(4, result.errors().get(0).span().start().line(), name);
    assertEquals(5, result.errors().get(0).span().start().column(), name);
  }

  @Test
  void missingSemicolonIsReportedAfterTheMember() {
    ParseResult result = parse("section S;\n\nA = 1\nshared B = 2;\n");
    assertEquals(1, result.errors().size(), result.errors().toString());
    SyntaxError error = result.errors().get(0);
    assertEquals("expected ';' after the section member 'A'", error.message());
    assertEquals(new Position(3, 6, 17), error.span().start());
  }

  /** A name and '=' where a comma is missing is not a new member: one error, no cascade. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "record on one line|A = [a = 1 b = 2];|2:12|unexpected 'b'; expected ',' or ']'",
        "let on one line|A = let a = 1 b = 2 in a;|2:15|unexpected 'b'; expected 'in' or ','",
        "let over lines|A = let\\n    a = 1\\n    b = 2\\n  in a;|4:5|unexpected 'b'; expected 'in' or ','",
        "list over lines|A = {1,\\n    2\\n    b = 3};|4:5|unexpected 'b'; expected ',' or '}'"
      })
  void missingCommaIsOneErrorAndKeepsTheMember(
      String name, String member, String where, String message) {
    ParseResult result = parse("section S;\n" + member.replace("\\n", "\n") + "\nB = 1;\n");
    assertEquals(1, result.errors().size(), result.errors().toString());
    assertEquals(where, result.errors().get(0).span().start().toString());
    assertEquals(message, result.errors().get(0).message());
    SectionDocument section = result.document().section().orElseThrow();
    assertEquals(
        List.of("A", "B"), section.members().stream().map(m -> m.name().name()).toList(), name);
  }

  /** Messages say what must come next, not every token that could. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "if x then 1;|2:16|unexpected ';'; expected 'else'",
        "f(1 2);|2:9|unexpected '2'; expected ',' or ')'",
        "let a = 1 in;|2:17|unexpected ';'; expected an expression",
        "1 + if x then 1 else 2;|2:9|unexpected 'if': an operand that starts with 'if' must be in"
            + " parentheses, as in (if ... then ... else ...)",
        "-let a = 1 in a;|2:6|unexpected 'let': an operand that starts with 'let' must be in"
            + " parentheses, as in (let ... in ...)",
        "x & each _;|2:9|unexpected 'each': an operand that starts with 'each' must be in"
            + " parentheses, as in (each ...)"
      })
  void messagesNameWhatMustComeNext(String expression, String where, String message) {
    ParseResult result = parse("section S;\nA = " + expression + "\n");
    assertEquals(1, result.errors().size(), result.errors().toString());
    assertEquals(where, result.errors().get(0).span().start().toString());
    assertEquals(message, result.errors().get(0).message());
  }

  @Test
  void memberAfterAnUnclosedBracketIsStillFound() {
    ParseResult result = parse("section S;\nA = f(1\nB = 2;\nC = 3;\n");
    assertEquals(1, result.errors().size(), result.errors().toString());
    assertEquals("3:1", result.errors().get(0).span().start().toString());
    SectionDocument section = result.document().section().orElseThrow();
    assertEquals(
        List.of("A", "B", "C"), section.members().stream().map(m -> m.name().name()).toList());
  }

  @Test
  void textEscapesAreDecoded() {
    ParseResult result = parse("\"a\"\"b#(cr,lf)#(tab)#(#)(#(0041)#(0001F600)\"");
    assertTrue(result.ok(), () -> result.errors().toString());
    Expr.Literal literal = (Expr.Literal) result.document().expression().orElseThrow();
    assertEquals("a\"b\r\n\t#(A\uD83D\uDE00", literal.value());
  }

  @Test
  void invalidInputGivesErrorsNotExceptions() {
    for (String text :
        new String[] {
          "1 + if x then 1 else 2",
          "1.",
          "[a-b = 1]",
          "\"open",
          "/* open",
          "[1.=true]",
          "\"#(xyz)\"",
          "(optional a, b) => a",
          "[Base /* c */ Line = 1]",
          "\u0000",
          "\uD800",
          "section S; a = 1 b = 2;",
          ")))"
        }) {
      ParseResult result = parse(text);
      assertFalse(result.ok(), "should be rejected: " + text);
      for (SyntaxError error : result.errors()) {
        assertFalse(error.message().contains("mismatched input"), error.message());
        assertFalse(error.message().contains("extraneous"), error.message());
      }
    }
  }
}
