package dev.pqcert.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.ParseResult;
import dev.pqcert.parse.SourceText;
import dev.pqcert.parse.SyntaxError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The M parser on any text, and on token sequences that look like M: every parse ends in a document
 * and syntax errors, each error a one-line message at a place inside the text, the same for a
 * second parse, within the time budget. The token-level input also goes through the whole check as
 * a section document, where it reaches the model and the rules. Seeds: our fixtures' section
 * documents and modules.
 */
class ParserFuzzTest {
  /** The words and marks of M (and the library names the model reads), one token each. */
  private static final String[] TOKENS = {
    "section",
    "shared",
    "let",
    "in",
    "if",
    "then",
    "else",
    "each",
    "try",
    "otherwise",
    "catch",
    "error",
    "meta",
    "as",
    "is",
    "type",
    "and",
    "or",
    "not",
    "null",
    "true",
    "false",
    "optional",
    "nullable",
    "function",
    "table",
    "record",
    "list",
    "text",
    "number",
    "any",
    "#table",
    "#date",
    "#datetime",
    "#duration",
    "#shared",
    "#sections",
    "#binary",
    "#infinity",
    "#nan",
    "=",
    "=>",
    ",",
    ";",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "..",
    "...",
    "@",
    "?",
    "??",
    "+",
    "-",
    "*",
    "/",
    "&",
    "<",
    ">",
    "<=",
    ">=",
    "<>",
    "!",
    "_",
    "x",
    "url",
    "Contoso",
    "Contoso.Contents",
    "Contoso.Publish",
    "Web.Contents",
    "Json.Document",
    "Extension.CurrentCredential",
    "Extension.LoadString",
    "Extension.Contents",
    "Value.ReplaceType",
    "Diagnostics.Trace",
    "Expression.Evaluate",
    "Uri.Combine",
    "DataSource.Kind",
    "Publish",
    "Authentication",
    "TestConnection",
    "Documentation.Name",
    "Version",
    "Beta",
    "OAuth",
    "Key",
    "Anonymous",
    "Label",
    "Icons",
    "Icon16",
    "Headers",
    "Query",
    "RelativePath",
    "#\"a b\"",
    "\"1.0.0\"",
    "\"https://contoso.com/\"",
    "\"http://contoso.com/\"",
    "\"\"",
    "\"a\"\"b\"",
    "0",
    "1",
    "0x1F",
    "1.5e3",
    "// comment\n",
    "/* comment */",
    "/* unclosed",
    "\"unclosed",
    "#!\"verbatim\"",
    "\u00e9",
    "\uD83D\uDE00",
    "\uD800",
    "\u0000",
    "\t"
  };

  private static final String[] SPACES = {" ", " ", " ", "", "\n", "\r\n", "\r", "\u2028"};

  @TempDir static Path temp;

  @FuzzTest(maxDuration = "10m")
  void parseText(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertParses(text, DocumentKind.AUTO);
    assertParses(text, DocumentKind.EXPRESSION);
  }

  @FuzzTest(maxDuration = "10m")
  void parseTokens(FuzzedDataProvider data) {
    String text = tokens(data);
    assertParses(text, DocumentKind.AUTO);
    assertParses(text, DocumentKind.EXPRESSION);
  }

  /** Tokens after a section header and a version: a connector's shape, checked whole. */
  @FuzzTest(maxDuration = "10m")
  void checkTokens(FuzzedDataProvider data) {
    String text = "[Version = \"1.0.0\"]\r\nsection Contoso;\r\n" + tokens(data);
    Path pq = temp.resolve("Contoso.pq");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Promises.write(pq, bytes);
    Promises.check(pq, bytes.length);
  }

  private static String tokens(FuzzedDataProvider data) {
    StringBuilder text = new StringBuilder();
    while (data.remainingBytes() > 0) {
      text.append(data.pickValue(TOKENS)).append(data.pickValue(SPACES));
    }
    return text.toString();
  }

  private static void assertParses(String text, DocumentKind kind) {
    long start = System.nanoTime();
    ParseResult first = DocumentParser.parse(new SourceText("fuzzed.pq", text), kind);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(Promises.TIME_PER_RUN) <= 0, () -> "took " + took.toMillis() + " ms");
    assertNotNull(first.document(), "a document, whatever the text");
    for (SyntaxError error : first.errors()) {
      assertFalse(error.message().isBlank(), "a message: " + error);
      assertFalse(error.message().contains("\n"), "one line: " + error);
      int line = error.span().start().line();
      int column = error.span().start().column();
      Promises.assertInside(text, line, column, error.toString());
      Promises.assertInside(
          text, error.span().end().line(), error.span().end().column(), error.toString());
      assertTrue(
          error.span().end().offset() >= error.span().start().offset(), "ends after it starts");
    }
    ParseResult second = DocumentParser.parse(new SourceText("fuzzed.pq", text), kind);
    assertEquals(messages(first), messages(second), "a second parse");
  }

  private static List<String> messages(ParseResult result) {
    return result.errors().stream().map(e -> e.span() + " " + e.message()).toList();
  }
}
