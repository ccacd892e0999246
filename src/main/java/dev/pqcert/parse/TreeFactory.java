package dev.pqcert.parse;

import dev.pqcert.parse.antlr.MLexer;
import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.Expr.BinaryOperator;
import dev.pqcert.parse.ast.Expr.LiteralKind;
import dev.pqcert.parse.ast.Expr.Name;
import dev.pqcert.parse.ast.SectionDocument;
import dev.pqcert.parse.ast.SectionMember;
import dev.pqcert.parse.ast.TypeNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Makes the typed tree's nodes for one parse, for both tree builders: {@link DirectTreeParser} (the
 * fast path, from its value stack) and {@link AstBuilder} (error recovery, from ANTLR's parse
 * tree). The builders only say which node to make from which tokens and sub-nodes; everything else
 * is here: spans, decoding literals and quoted names (text escapes), sharing equal strings and
 * numbers, and the checks the grammar cannot express, reported as syntax errors (invalid escapes,
 * field-name parts separated by more than blanks, required parameters after optional ones).
 */
final class TreeFactory {
  private static final int SHARED_STRINGS = 1024;

  private final SourceText source;
  private final CharStream chars;
  private final List<SyntaxError> errors;
  private final String[] sharedStrings = new String[SHARED_STRINGS];
  private final String[] sharedNumberTexts = new String[SHARED_STRINGS];
  private final Double[] sharedNumbers = new Double[SHARED_STRINGS];

  /**
   * @param chars the source as the lexer read it (token offsets index it)
   * @param errors receives the errors of the checks
   */
  TreeFactory(SourceText source, CharStream chars, List<SyntaxError> errors) {
    this.source = source;
    this.chars = chars;
    this.errors = errors;
  }

  // ---- Positions ------------------------------------------------------------------------------

  Span span(ParserRuleContext ctx) {
    return span(ctx.start, ctx.stop);
  }

  Span span(Token token) {
    return span(token, token);
  }

  /** From {@code start} to {@code stop}; empty at {@code start} when a rule matched nothing. */
  Span span(Token start, Token stop) {
    int begin = start.getStartIndex();
    int end = stop == null || stop.getStopIndex() < begin ? begin : stop.getStopIndex() + 1;
    return source.span(begin, end);
  }

  // ---- Documents ------------------------------------------------------------------------------

  /**
   * @param header the span of the attributes, keyword, name and {@code ;}
   * @param keyword the {@code section} keyword's span; empty when error recovery lost it, and the
   *     document's span stands for it
   */
  SectionDocument section(
      Span header,
      Optional<Expr.RecordExpr> attributes,
      Optional<Span> keyword,
      Optional<Name> name,
      List<SectionMember> members) {
    Span span = header;
    if (!members.isEmpty()) {
      span = span.to(members.get(members.size() - 1).span());
    }
    return new SectionDocument(span, attributes, keyword.orElse(span), name, members);
  }

  SectionMember member(
      Span span, Optional<Expr.RecordExpr> attributes, boolean shared, Name name, Expr value) {
    return new SectionMember(span, attributes, shared, name, value);
  }

  // ---- Primary expressions --------------------------------------------------------------------

  /**
   * The literal a literal token ({@code 1}, {@code "a"}, {@code #!"v"}, {@code true}...) spells.
   */
  Expr.Literal literal(Token token) {
    Span span = span(token);
    String raw = shared(token.getText());
    switch (token.getType()) {
      case MLexer.NUMBER_LITERAL:
        return new Expr.Literal(span, LiteralKind.NUMBER, raw, number(raw));
      case MLexer.TEXT_LITERAL:
        return new Expr.Literal(span, LiteralKind.TEXT, raw, shared(text(token, raw, 1)));
      case MLexer.VERBATIM_LITERAL:
        return new Expr.Literal(span, LiteralKind.VERBATIM, raw, shared(text(token, raw, 3)));
      case MLexer.TRUE:
        return new Expr.Literal(span, LiteralKind.LOGICAL, raw, Boolean.TRUE);
      case MLexer.FALSE:
        return new Expr.Literal(span, LiteralKind.LOGICAL, raw, Boolean.FALSE);
      default:
        return new Expr.Literal(span, LiteralKind.NULL, raw, null);
    }
  }

  /** {@code name}, or {@code @name} when {@code inclusive}. */
  Expr.Identifier identifier(Span span, Name name, boolean inclusive) {
    return new Expr.Identifier(span, name.name(), inclusive);
  }

  /** {@code #shared}, {@code #date} and the other keywords of the token {@code keyword}. */
  Expr.HashKeyword hashKeyword(Span span, Token keyword) {
    return new Expr.HashKeyword(span, shared(keyword.getText()));
  }

  /** {@code Section1!Member}. */
  Expr.SectionAccess sectionAccess(Span span, Name section, Name member) {
    return new Expr.SectionAccess(span, section.name(), member.name());
  }

  Expr.NotImplemented notImplemented(Span span) {
    return new Expr.NotImplemented(span);
  }

  /** What is left of an expression a syntax error broke. */
  Expr.Invalid invalid(Span span) {
    return new Expr.Invalid(span);
  }

  Expr.ListExpr list(Span span, List<Expr> items) {
    return new Expr.ListExpr(span, items);
  }

  Expr.Range range(Span span, Expr from, Expr to) {
    return new Expr.Range(span, from, to);
  }

  /** A record expression, or a literal attribute record. */
  Expr.RecordExpr record(Span span, List<Expr.Field> fields) {
    return new Expr.RecordExpr(span, fields);
  }

  Expr.Field field(Span span, Name name, Expr value) {
    return new Expr.Field(span, name, value);
  }

  /** {@code [name]} or {@code [name]?} on its own, which is {@code _[name]}. */
  Expr.FieldAccess implicitFieldAccess(Span span, Name field, boolean optional) {
    return new Expr.FieldAccess(span, Optional.empty(), field, optional);
  }

  /** {@code [[a], [b]]} on its own. */
  Expr.Projection implicitProjection(Span span, List<Name> fields, boolean optional) {
    return new Expr.Projection(span, Optional.empty(), fields, optional);
  }

  // ---- Postfixes: each applies to the expression before it; {@code postfix} is its own span ----

  Expr.Invoke invoke(Expr target, Span postfix, List<Expr> arguments) {
    return new Expr.Invoke(target.span().to(postfix), target, arguments);
  }

  Expr.ItemAccess itemAccess(Expr target, Span postfix, Expr index, boolean optional) {
    return new Expr.ItemAccess(target.span().to(postfix), target, index, optional);
  }

  Expr.FieldAccess fieldAccess(Expr target, Span postfix, Name field, boolean optional) {
    return new Expr.FieldAccess(target.span().to(postfix), Optional.of(target), field, optional);
  }

  Expr.Projection projection(Expr target, Span postfix, List<Name> fields, boolean optional) {
    return new Expr.Projection(target.span().to(postfix), Optional.of(target), fields, optional);
  }

  // ---- Operators ------------------------------------------------------------------------------

  /** {@code + x}, {@code - x} or {@code not x}, by the token {@code operator}. */
  Expr.Unary unary(Span span, Token operator, Expr operand) {
    Expr.UnaryOperator kind =
        switch (operator.getType()) {
          case MLexer.PLUS -> Expr.UnaryOperator.PLUS;
          case MLexer.MINUS -> Expr.UnaryOperator.MINUS;
          default -> Expr.UnaryOperator.NOT;
        };
    return new Expr.Unary(span, kind, operand);
  }

  /** {@code left operator right}, spanning both operands. */
  Expr.Binary binary(Expr left, Token operator, Expr right) {
    return new Expr.Binary(left.span().to(right.span()), binaryOperator(operator), left, right);
  }

  /** {@code value as type} or {@code value is type}, by the token {@code operator}. */
  Expr.TypeTest typeTest(Expr value, Token operator, TypeNode.Primitive type) {
    return new Expr.TypeTest(
        value.span().to(type.span()), operator.getType() == MLexer.AS, value, type);
  }

  private static BinaryOperator binaryOperator(Token token) {
    switch (token.getType()) {
      case MLexer.META:
        return BinaryOperator.META;
      case MLexer.STAR:
        return BinaryOperator.MULTIPLY;
      case MLexer.SLASH:
        return BinaryOperator.DIVIDE;
      case MLexer.PLUS:
        return BinaryOperator.ADD;
      case MLexer.MINUS:
        return BinaryOperator.SUBTRACT;
      case MLexer.AMP:
        return BinaryOperator.CONCATENATE;
      case MLexer.LT:
        return BinaryOperator.LESS;
      case MLexer.LE:
        return BinaryOperator.LESS_OR_EQUAL;
      case MLexer.GT:
        return BinaryOperator.GREATER;
      case MLexer.GE:
        return BinaryOperator.GREATER_OR_EQUAL;
      case MLexer.EQ:
        return BinaryOperator.EQUAL;
      case MLexer.NE:
        return BinaryOperator.NOT_EQUAL;
      case MLexer.AND:
        return BinaryOperator.AND;
      case MLexer.OR:
        return BinaryOperator.OR;
      case MLexer.COALESCE:
        return BinaryOperator.COALESCE;
      default:
        throw new IllegalStateException("not a binary operator: " + token.getText());
    }
  }

  // ---- Functions and the other top-level-only forms -------------------------------------------

  /**
   * Reports a required parameter after an optional one. Call for each parameter in order, passing
   * back what the previous call returned (false for the first).
   *
   * @return whether an optional parameter has been seen
   */
  boolean checkParameterOrder(boolean sawOptional, boolean optional, Span span, Name name) {
    if (sawOptional && !optional) {
      error(span, "required parameter '" + name.name() + "' follows an optional parameter");
    }
    return sawOptional || optional;
  }

  /** A function; its parameters were checked with {@link #checkParameterOrder}. */
  Expr.Function function(
      Span span,
      List<Expr.Parameter> parameters,
      Optional<TypeNode.Primitive> returnType,
      Expr body) {
    return new Expr.Function(span, parameters, returnType, body);
  }

  Expr.Parameter parameter(Span span, Name name, boolean optional, Optional<TypeNode> type) {
    return new Expr.Parameter(span, name, optional, type);
  }

  Expr.Each each(Span span, Expr body) {
    return new Expr.Each(span, body);
  }

  Expr.Let let(Span span, List<Expr.Binding> bindings, Expr body) {
    return new Expr.Let(span, bindings, body);
  }

  Expr.Binding binding(Span span, Name name, Expr value) {
    return new Expr.Binding(span, name, value);
  }

  Expr.If ifExpression(Span span, Expr condition, Expr whenTrue, Expr whenFalse) {
    return new Expr.If(span, condition, whenTrue, whenFalse);
  }

  Expr.ErrorRaise errorRaise(Span span, Expr value) {
    return new Expr.ErrorRaise(span, value);
  }

  /** {@code try body}, with at most one of an {@code otherwise} value and a catch handler. */
  Expr.Try tryExpression(
      Span span, Expr body, Optional<Expr> otherwise, Optional<Expr.Function> handler) {
    return new Expr.Try(span, body, otherwise, handler);
  }

  /** {@code catch (e) => body} or {@code catch () => body}: a function of its parameter, if any. */
  Expr.Function catchHandler(Span span, Optional<Name> parameter, Expr body) {
    List<Expr.Parameter> parameters =
        parameter.isPresent()
            ? List.of(
                new Expr.Parameter(
                    parameter.get().span(), parameter.get(), false, Optional.empty()))
            : List.of();
    return new Expr.Function(span, parameters, Optional.empty(), body);
  }

  // ---- Types ----------------------------------------------------------------------------------

  /** {@code type t}: a type value. */
  Expr.TypeValue typeValue(Span span, TypeNode type) {
    return new Expr.TypeValue(span, type);
  }

  /** A (nullable) primitive type, by the name it is written with. */
  TypeNode.Primitive primitive(Span span, String name, boolean nullable) {
    return new TypeNode.Primitive(span, shared(name), nullable);
  }

  TypeNode.RecordType recordType(Span span, List<TypeNode.FieldSpec> fields, boolean open) {
    return new TypeNode.RecordType(span, fields, open);
  }

  TypeNode.FieldSpec fieldSpec(Span span, Name name, boolean optional, Optional<TypeNode> type) {
    return new TypeNode.FieldSpec(span, name, optional, type);
  }

  TypeNode.ListType listType(Span span, TypeNode item) {
    return new TypeNode.ListType(span, item);
  }

  /** A function type; its parameters were checked with {@link #checkParameterOrder}. */
  TypeNode.FunctionType functionType(
      Span span, List<TypeNode.ParameterSpec> parameters, TypeNode returnType) {
    return new TypeNode.FunctionType(span, parameters, returnType);
  }

  TypeNode.ParameterSpec parameterSpec(Span span, Name name, boolean optional, TypeNode type) {
    return new TypeNode.ParameterSpec(span, name, optional, type);
  }

  /** {@code table [A = text]}. */
  TypeNode.TableType tableType(Span span, TypeNode.RecordType rowType) {
    return new TypeNode.TableType(span, Optional.of(rowType), Optional.empty());
  }

  /** {@code table rowType}, {@code table (rowType)}: the row type from an expression. */
  TypeNode.TableType tableType(Span span, Expr rowExpression) {
    return new TypeNode.TableType(span, Optional.empty(), Optional.of(rowExpression));
  }

  TypeNode.NullableType nullableType(Span span, TypeNode inner) {
    return new TypeNode.NullableType(span, inner);
  }

  /** A type given by an expression, where a type is expected ({@code Uri.Type}). */
  TypeNode.ExpressionType expressionType(Expr expression) {
    return new TypeNode.ExpressionType(expression.span(), expression);
  }

  // ---- Names ----------------------------------------------------------------------------------

  /** The name an identifier token (plain, quoted or a contextual keyword) stands for. */
  Name name(Token token, Span span) {
    String name =
        token.getType() == MLexer.QUOTED_IDENTIFIER
            ? text(token, token.getText(), 2)
            : token.getText();
    return new Name(span, shared(name));
  }

  /**
   * A name that ends with a dot ({@code a.}), as the product accepts. Reports a dot that does not
   * follow the name directly.
   *
   * @param dot the {@code .} token after the name's token
   */
  Name name(Token token, Token dot, Span span) {
    checkDotFollows(token, dot);
    return new Name(span, shared(token.getText() + "."));
  }

  /**
   * A generalized identifier ({@code Base Line}, {@code Documentation.Name}, {@code type}): the
   * source text from its first part to its last. Reports each gap between parts that is not only
   * blanks, and each dot that does not end a name part directly ({@code Documentation. Name} is
   * one, as the product accepts).
   *
   * @param parts its tokens, parts and dots, the first a part
   */
  Name generalizedName(List<Token> parts) {
    Token first = parts.get(0);
    Token last = parts.get(parts.size() - 1);
    for (int i = 1; i < parts.size(); i++) {
      Token previous = parts.get(i - 1);
      Token part = parts.get(i);
      if (part.getType() == MLexer.DOT) {
        checkDotFollows(previous, part);
      } else {
        checkGap(previous.getStopIndex() + 1, part.getStartIndex());
      }
    }
    return new Name(
        span(first, last),
        shared(chars.getText(Interval.of(first.getStartIndex(), last.getStopIndex()))));
  }

  /** Reports a dot that does not directly end a name ({@code a .}, {@code 1.}, {@code a. .}). */
  private void checkDotFollows(Token previous, Token dot) {
    int gapStart = previous.getStopIndex() + 1;
    if (gapStart < dot.getStartIndex()) {
      error(
          source.span(gapStart, dot.getStartIndex()),
          "a name can end with '.' only when the '.' follows it directly");
    } else if (previous.getType() == MLexer.NUMBER_LITERAL || previous.getType() == MLexer.DOT) {
      error(span(dot), "unexpected '.': only a name can end with '.'");
    }
  }

  private void checkGap(int gapStart, int gapEnd) {
    String gap = chars.getText(Interval.of(gapStart, gapEnd - 1));
    if (!gap.chars().allMatch(c -> c == ' ')) {
      error(
          source.span(gapStart, gapEnd),
          "the parts of a field name may be separated only by blanks, not by " + describeGap(gap));
    }
  }

  private static String describeGap(String gap) {
    if (gap.contains("/*") || gap.contains("//")) {
      return "a comment";
    }
    if (gap.chars()
        .anyMatch(c -> c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029)) {
      return "a line break";
    }
    return "a tab or other white space";
  }

  // ---- Sharing --------------------------------------------------------------------------------

  /**
   * An equal string seen recently, else {@code text} itself. Names and literals repeat a lot in M
   * code; a large file's tree then holds one copy of each instead of one per use. (A small
   * direct-mapped cache: cheap to consult, and it forgets.)
   */
  private String shared(String text) {
    int slot = text.hashCode() & (SHARED_STRINGS - 1);
    String cached = sharedStrings[slot];
    if (text.equals(cached)) {
      return cached;
    }
    sharedStrings[slot] = text;
    return text;
  }

  /** The value of a number literal, shared as {@link #shared} shares strings. */
  private Double number(String raw) {
    int slot = raw.hashCode() & (SHARED_STRINGS - 1);
    if (raw.equals(sharedNumberTexts[slot])) {
      return sharedNumbers[slot];
    }
    Double value;
    if (raw.length() > 2 && (raw.charAt(1) == 'x' || raw.charAt(1) == 'X')) {
      value = new BigInteger(raw.substring(2), 16).doubleValue();
    } else {
      value = Double.valueOf(raw);
    }
    sharedNumberTexts[slot] = raw;
    sharedNumbers[slot] = value;
    return value;
  }

  // ---- Text escapes ---------------------------------------------------------------------------

  /**
   * Decodes a quoted token (text, verbatim text or quoted identifier) whose text is {@code raw} and
   * whose opening is {@code prefixLength} characters long: {@code ""} is a quote, and {@code
   * #(...)} holds comma-separated escapes ({@code cr}, {@code lf}, {@code tab}, {@code #}, 4 or 8
   * hex digits). Invalid escapes are reported at their place.
   */
  private String text(Token token, String raw, int prefixLength) {
    String body = raw.substring(prefixLength, raw.length() - 1);
    if (body.indexOf('"') < 0 && body.indexOf('#') < 0) {
      return body; // nothing to decode
    }
    int bodyStart = token.getStartIndex() + prefixLength;
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
        out.append('"');
        i += 2;
      } else if (c == '#' && i + 1 < body.length() && body.charAt(i + 1) == '(') {
        int close = body.indexOf(')', i + 2);
        // Token offsets count code points.
        int escapeStart = bodyStart + body.codePointCount(0, i);
        if (close < 0) {
          escapeError(escapeStart, "unterminated escape sequence '#(' (close it with ')')");
          out.append(body, i, body.length());
          return out.toString();
        }
        String list = body.substring(i + 2, close);
        for (String single : list.split(",", -1)) {
          String escaped = escape(single);
          if (escaped == null) {
            escapeError(
                escapeStart,
                "invalid escape sequence '#("
                    + list
                    + ")': use cr, lf, tab, #, or 4 or 8 hex digits, separated by commas");
            break;
          }
          out.append(escaped);
        }
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private void escapeError(int start, String message) {
    error(source.span(start, start + 2), message);
  }

  /** What one escape inside {@code #(...)} stands for; null when it is invalid. */
  private static String escape(String escape) {
    switch (escape) {
      case "cr":
        return "\r";
      case "lf":
        return "\n";
      case "tab":
        return "\t";
      case "#":
        return "#";
      default:
        break;
    }
    if ((escape.length() == 4 || escape.length() == 8) && escape.matches("[0-9A-Fa-f]+")) {
      long value = Long.parseLong(escape, 16);
      if (escape.length() == 4) {
        return String.valueOf((char) value); // a UTF-16 unit, as the engine's strings are
      }
      return value <= Character.MAX_CODE_POINT ? new String(Character.toChars((int) value)) : null;
    }
    return null;
  }

  private void error(Span span, String message) {
    errors.add(new SyntaxError(span, message));
  }
}
