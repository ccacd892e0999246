package dev.pqcert.parse;

import dev.pqcert.parse.antlr.MLexer;
import dev.pqcert.parse.antlr.MParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Turns ANTLR's reports into messages a connector developer can act on, with positions. */
final class SyntaxErrorListener extends BaseErrorListener {
  private static final int MAX_ERRORS_PER_FILE = 50;

  private final SourceText source;
  private final List<SyntaxError> errors;
  private Integer firstOffendingTokenIndex;

  SyntaxErrorListener(SourceText source, List<SyntaxError> errors) {
    this.source = source;
    this.errors = errors;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String antlrMessage,
      RecognitionException e) {
    if (errors.size() >= MAX_ERRORS_PER_FILE || !(recognizer instanceof Parser parser)) {
      return;
    }
    Token offending = (Token) offendingSymbol;
    if (firstOffendingTokenIndex == null) {
      firstOffendingTokenIndex = offending.getTokenIndex();
    }
    IntervalSet expected = e != null ? e.getExpectedTokens() : parser.getExpectedTokens();
    errors.add(describe(parser, offending, expected));
  }

  /** The index, in the parser's token stream, of the token the first error was found at. */
  Integer firstOffendingTokenIndex() {
    return firstOffendingTokenIndex;
  }

  private SyntaxError describe(Parser parser, Token offending, IntervalSet expected) {
    Span at = tokenSpan(offending);
    switch (offending.getType()) {
      case MLexer.UNTERMINATED_TEXT:
        return new SyntaxError(
            at.start().equals(at.end()) ? at : startOnly(at),
            offending.getText().startsWith("#\"")
                ? "unterminated quoted identifier: a closing '\"' is missing"
                : "unterminated text literal: a closing '\"' is missing");
      case MLexer.UNTERMINATED_COMMENT:
        return new SyntaxError(startOnly(at), "unterminated comment: '*/' is missing");
      case MLexer.ERROR_CHARACTER:
        return new SyntaxError(at, "unexpected character " + quoteCharacter(offending.getText()));
      default:
        break;
    }
    if (expected.contains(MLexer.SEMI) && inSectionHeader(parser.getContext())) {
      Token previous = parser.getTokenStream().LT(-1);
      return new SyntaxError(
          previous != null ? endOf(previous) : at, "expected ';' after the section name");
    }
    String memberName = enclosingMemberName(parser.getContext());
    if (expected.contains(MLexer.SEMI)
        && memberName != null
        && (expected.size() <= 4 || startsMember(parser))) {
      // A missing ';' belongs where the member ends, not at the start of the next one.
      Token previous = parser.getTokenStream().LT(-1);
      Span place = previous != null ? endOf(previous) : at;
      return new SyntaxError(place, "expected ';' after the section member '" + memberName + "'");
    }
    String found = describeToken(offending);
    String wanted = describeExpected(expected);
    String bracketed = wanted.equals("an expression") ? inParentheses(offending.getType()) : null;
    if (bracketed != null) {
      // M allows these only where a whole expression goes, not as an operand.
      return new SyntaxError(
          at,
          "unexpected "
              + found
              + ": an operand that starts with "
              + found
              + " must be in parentheses, as in "
              + bracketed);
    }
    return new SyntaxError(at, "unexpected " + found + "; expected " + wanted);
  }

  /** The parenthesized form of an expression that cannot be an operand, or null. */
  private static String inParentheses(int type) {
    return switch (type) {
      case MLexer.IF -> "(if ... then ... else ...)";
      case MLexer.LET -> "(let ... in ...)";
      case MLexer.EACH -> "(each ...)";
      case MLexer.TRY -> "(try ...)";
      case MLexer.ERROR -> "(error ...)";
      default -> null;
    };
  }

  /** Whether the next tokens begin a section member: {@code shared}, or {@code Name =}. */
  private static boolean startsMember(Parser parser) {
    Token next = parser.getTokenStream().LT(1);
    if (next.getType() == MLexer.SHARED) {
      return true;
    }
    boolean name =
        next.getType() == MLexer.IDENTIFIER || next.getType() == MLexer.QUOTED_IDENTIFIER;
    return name && parser.getTokenStream().LT(2).getType() == MLexer.EQ;
  }

  private static boolean inSectionHeader(RuleContext context) {
    for (RuleContext c = context; c != null; c = c.parent) {
      if (c instanceof MParser.SectionHeaderContext) {
        return true;
      }
    }
    return false;
  }

  private static String enclosingMemberName(RuleContext context) {
    for (RuleContext c = context; c != null; c = c.parent) {
      if (c instanceof MParser.SectionMemberContext member && member.memberName != null) {
        return member.memberName.getText();
      }
    }
    return null;
  }

  /**
   * Tokens that continue an expression already complete: binary operators, type tests, and the
   * starts of invocation, item and field access.
   */
  private static final IntervalSet CONTINUATIONS =
      IntervalSet.of(MLexer.META)
          .or(IntervalSet.of(MLexer.AND, MLexer.AS)) // AND, AS
          .or(IntervalSet.of(MLexer.IS))
          .or(IntervalSet.of(MLexer.OR))
          .or(IntervalSet.of(MLexer.LE, MLexer.LPAREN)) // comparisons, arithmetic, '&', '('
          .or(IntervalSet.of(MLexer.LBRACKET))
          .or(IntervalSet.of(MLexer.LBRACE))
          .or(IntervalSet.of(MLexer.COALESCE));

  static String describeExpected(IntervalSet expected) {
    if (expected.contains(MLexer.DOT) && expected.size() > 1) {
      // A name may end with '.', so one is possible after any name; it is never what was missing.
      return describeExpected(expected.subtract(IntervalSet.of(MLexer.DOT)));
    }
    if (expected.contains(MLexer.NUMBER_LITERAL)
        && expected.contains(MLexer.IDENTIFIER)
        && expected.contains(MLexer.LPAREN)) {
      return "an expression";
    }
    // After a complete expression, ANTLR's expected set lists every operator that could continue
    // it; what the reader needs is what must come next ('else', ',', ')'...).
    if (expected.and(CONTINUATIONS).size() >= 3) {
      IntervalSet required = expected.subtract(CONTINUATIONS);
      if (!required.isNil()) {
        return describeExpected(required);
      }
    }
    if (expected.contains(MLexer.IDENTIFIER) && expected.contains(MLexer.QUOTED_IDENTIFIER)) {
      List<String> others = new ArrayList<>();
      for (int type : expected.toList()) {
        if (!isNameToken(type)) {
          others.add(displayName(type));
        }
      }
      others.add(0, "a name");
      return joinAlternatives(others);
    }
    List<String> names = new ArrayList<>();
    for (int type : expected.toList()) {
      names.add(displayName(type));
    }
    return joinAlternatives(names);
  }

  private static boolean isNameToken(int type) {
    return type == MLexer.IDENTIFIER
        || type == MLexer.QUOTED_IDENTIFIER
        || (type >= MLexer.CATCH && type <= MLexer.TIME);
  }

  private static String joinAlternatives(List<String> names) {
    if (names.isEmpty()) {
      return "something else";
    }
    if (names.size() > 6) {
      return String.join(", ", names.subList(0, 5)) + " or another token";
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  static String displayName(int type) {
    switch (type) {
      case Token.EOF:
        return "the end of the file";
      case MLexer.IDENTIFIER:
        return "a name";
      case MLexer.QUOTED_IDENTIFIER:
        return "a quoted name";
      case MLexer.NUMBER_LITERAL:
        return "a number";
      case MLexer.TEXT_LITERAL:
        return "a text literal";
      case MLexer.VERBATIM_LITERAL:
        return "a verbatim literal";
      default:
        Vocabulary vocabulary = MLexer.VOCABULARY;
        String literal = vocabulary.getLiteralName(type);
        return literal != null ? literal : vocabulary.getSymbolicName(type);
    }
  }

  private static String describeToken(Token token) {
    if (token.getType() == Token.EOF) {
      return "end of file";
    }
    String text = token.getText();
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    return "'" + text.replace("\r", "").replace("\n", " ") + "'";
  }

  private static String quoteCharacter(String text) {
    int cp = text.codePointAt(0);
    if (cp == 0xFEFF) {
      return "U+FEFF (a byte order mark inside the file: the file starts with two, or text was"
          + " pasted with one)";
    }
    int type = Character.getType(cp);
    if (Character.isISOControl(cp)
        || Character.isWhitespace(cp)
        || type == Character.FORMAT
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE) {
      return String.format(java.util.Locale.ROOT, "U+%04X", cp);
    }
    return "'" + text + "'";
  }

  private Span tokenSpan(Token token) {
    int start = token.getStartIndex();
    if (token.getType() == Token.EOF || start < 0) {
      return source.span(source.codePointCount(), source.codePointCount());
    }
    return source.span(start, token.getStopIndex() + 1);
  }

  private Span endOf(Token token) {
    int end = token.getStopIndex() + 1;
    return source.span(end, end);
  }

  private static Span startOnly(Span span) {
    return span.startOnly();
  }
}
