package dev.pqcert.parse;

import dev.pqcert.parse.antlr.MLexer;
import dev.pqcert.parse.antlr.MParser;
import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.Expr.BinaryOperator;
import dev.pqcert.parse.ast.Expr.LiteralKind;
import dev.pqcert.parse.ast.Expr.Name;
import dev.pqcert.parse.ast.SectionDocument;
import dev.pqcert.parse.ast.SectionMember;
import dev.pqcert.parse.ast.TypeNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns ANTLR's parse tree into the typed tree, and checks what the grammar cannot express: text
 * escapes, blank-only separators in generalized identifiers, and required parameters after optional
 * ones. Parts of a tree broken by a syntax error become {@link Expr.Invalid}.
 */
final class AstBuilder {
  private final SourceText source;
  private final CharStream chars;
  private final List<SyntaxError> errors;
  private static final int SHARED_STRINGS = 1024;
  private final String[] sharedStrings = new String[SHARED_STRINGS];
  private final String[] sharedNumberTexts = new String[SHARED_STRINGS];
  private final Double[] sharedNumbers = new Double[SHARED_STRINGS];

  AstBuilder(SourceText source, CharStream chars, List<SyntaxError> errors) {
    this.source = source;
    this.chars = chars;
    this.errors = errors;
  }

  // ---- Documents ------------------------------------------------------------------------------

  /** The document, with members already built as the parser completed them. */
  SectionDocument section(MParser.SectionDocumentContext ctx, List<SectionMember> members) {
    return section(ctx, ctx.literalAttributes(), ctx.SECTION(), ctx.sectionName, members);
  }

  /** The document assembled from a header and members parsed one by one (error recovery). */
  SectionDocument section(MParser.SectionHeaderContext header, List<SectionMember> members) {
    return section(
        header, header.literalAttributes(), header.SECTION(), header.sectionName, members);
  }

  private SectionDocument section(
      ParserRuleContext header,
      MParser.LiteralAttributesContext attributes,
      TerminalNode keyword,
      MParser.IdentifierContext sectionName,
      List<SectionMember> members) {
    Span span = span(header);
    if (!members.isEmpty()) {
      span = span.to(members.get(members.size() - 1).span());
    }
    return new SectionDocument(
        span,
        Optional.ofNullable(attributes).flatMap(this::guardedRecord),
        keyword == null ? span : span(keyword.getSymbol()), // recovery may have lost the keyword
        Optional.ofNullable(sectionName).map(this::name),
        members);
  }

  /** Attributes a syntax error left incomplete are no attributes (PQ001 reports the error). */
  private Optional<Expr.RecordExpr> guardedRecord(MParser.LiteralAttributesContext attributes) {
    try {
      return Optional.of(literalRecord(attributes));
    } catch (RuntimeException incomplete) {
      return Optional.empty();
    }
  }

  /** A member, or empty when too little of it survived a syntax error to name it. */
  Optional<SectionMember> member(MParser.SectionMemberContext member) {
    if (member.memberName == null || member.memberName.start == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SectionMember(
            span(member),
            Optional.ofNullable(member.literalAttributes()).map(this::literalRecord),
            member.SHARED() != null,
            name(member.memberName),
            guarded(member.expression())));
  }

  Expr expressionDocument(MParser.ExpressionDocumentContext ctx) {
    return guarded(ctx.expression());
  }

  /** Builds an expression; a subtree that a syntax error left incomplete becomes Invalid. */
  private Expr guarded(MParser.ExpressionContext ctx) {
    if (ctx == null) {
      return new Expr.Invalid(Span.NONE);
    }
    try {
      return expression(ctx);
    } catch (RuntimeException incomplete) {
      return new Expr.Invalid(span(ctx));
    }
  }

  // ---- Expressions ----------------------------------------------------------------------------

  Expr expression(MParser.ExpressionContext ctx) {
    if (ctx.operatorExpression() != null) {
      return operator(ctx.operatorExpression());
    }
    if (ctx.eachExpression() != null) {
      return new Expr.Each(span(ctx), expression(ctx.eachExpression().expression()));
    }
    if (ctx.functionExpression() != null) {
      return function(ctx.functionExpression());
    }
    if (ctx.letExpression() != null) {
      MParser.LetExpressionContext let = ctx.letExpression();
      List<Expr.Binding> bindings = new ArrayList<>();
      for (MParser.VariableContext variable : let.variable()) {
        bindings.add(
            new Expr.Binding(
                span(variable), name(variable.identifier()), expression(variable.expression())));
      }
      return new Expr.Let(span(ctx), bindings, expression(let.expression()));
    }
    if (ctx.ifExpression() != null) {
      MParser.IfExpressionContext when = ctx.ifExpression();
      return new Expr.If(
          span(ctx),
          expression(when.condition),
          expression(when.whenTrue),
          expression(when.whenFalse));
    }
    if (ctx.errorRaisingExpression() != null) {
      return new Expr.ErrorRaise(span(ctx), expression(ctx.errorRaisingExpression().expression()));
    }
    if (ctx.errorHandlingExpression() != null) {
      return tryExpression(ctx.errorHandlingExpression());
    }
    throw new IllegalStateException("incomplete expression");
  }

  private Expr tryExpression(MParser.ErrorHandlingExpressionContext ctx) {
    Expr body = expression(ctx.protectedExpression);
    Optional<Expr> otherwise = Optional.empty();
    Optional<Expr.Function> handler = Optional.empty();
    if (ctx.errorHandler() instanceof MParser.OtherwiseClauseContext clause) {
      otherwise = Optional.of(expression(clause.expression()));
    } else if (ctx.errorHandler() instanceof MParser.CatchClauseContext clause) {
      List<Expr.Parameter> parameters = new ArrayList<>();
      if (clause.identifier() != null) {
        parameters.add(
            new Expr.Parameter(
                span(clause.identifier()), name(clause.identifier()), false, Optional.empty()));
      }
      handler =
          Optional.of(
              new Expr.Function(
                  span(clause), parameters, Optional.empty(), expression(clause.expression())));
    }
    return new Expr.Try(span(ctx), body, otherwise, handler);
  }

  private Expr.Function function(MParser.FunctionExpressionContext ctx) {
    List<Expr.Parameter> parameters = new ArrayList<>();
    boolean sawOptional = false;
    for (MParser.ParameterContext parameter : ctx.parameter()) {
      boolean optional = parameter.OPTIONAL() != null;
      Name name = name(parameter.identifier());
      sawOptional = checkParameterOrder(sawOptional, optional, span(parameter), name);
      Optional<TypeNode> type =
          Optional.ofNullable(parameter.nullablePrimitiveType()).map(this::primitive);
      parameters.add(new Expr.Parameter(span(parameter), name, optional, type));
    }
    Optional<TypeNode.Primitive> returnType =
        Optional.ofNullable(ctx.nullablePrimitiveType()).map(this::primitive);
    return new Expr.Function(span(ctx), parameters, returnType, expression(ctx.expression()));
  }

  /**
   * Builds an operator expression without recursing down left operands, so that a chain of a
   * million {@code +} (a million-deep left spine in the parse tree) builds like a short one. Right
   * operands recurse; they nest only as deep as the source's own nesting.
   */
  private Expr operator(MParser.OperatorExpressionContext ctx) {
    List<MParser.OperatorExpressionContext> spine = new ArrayList<>();
    MParser.OperatorExpressionContext current = ctx;
    while (!(current instanceof MParser.OperandContext)) {
      spine.add(current);
      if (current instanceof MParser.BinaryContext binary) {
        current = binary.operatorExpression(0);
      } else if (current instanceof MParser.TypeAssertionContext assertion) {
        current = assertion.operatorExpression();
      } else {
        throw new IllegalStateException("incomplete operator expression");
      }
      if (current == null) {
        throw new IllegalStateException("incomplete operator expression");
      }
    }
    Expr result = unary(((MParser.OperandContext) current).unaryExpression());
    for (int i = spine.size() - 1; i >= 0; i--) {
      MParser.OperatorExpressionContext node = spine.get(i);
      if (node instanceof MParser.BinaryContext binary) {
        Expr right = operator(binary.operatorExpression(1));
        result =
            new Expr.Binary(
                result.span().to(right.span()),
                binaryOperator(binary.getChild(TerminalNode.class, 0).getSymbol()),
                result,
                right);
      } else {
        MParser.TypeAssertionContext assertion = (MParser.TypeAssertionContext) node;
        MParser.NullablePrimitiveTypeContext type = assertion.nullablePrimitiveType();
        result =
            new Expr.TypeTest(
                result.span().to(span(type)), assertion.AS() != null, result, primitive(type));
      }
    }
    return result;
  }

  /** Required parameters come first; returns whether an optional one has been seen. */
  boolean checkParameterOrder(boolean sawOptional, boolean optional, Span span, Name name) {
    if (sawOptional && !optional) {
      error(span, "required parameter '" + name.name() + "' follows an optional parameter");
    }
    return sawOptional || optional;
  }

  static BinaryOperator binaryOperator(Token token) {
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

  private Expr unary(MParser.UnaryExpressionContext ctx) {
    // Iterative over a run of prefix operators (`- - - x`), applied innermost first.
    List<MParser.UnaryExpressionContext> chain = new ArrayList<>();
    MParser.UnaryExpressionContext current = ctx;
    while (current.typeExpression() == null) {
      chain.add(current);
      current = current.unaryExpression();
      if (current == null) {
        throw new IllegalStateException("incomplete unary expression");
      }
    }
    Expr result = typeExpression(current.typeExpression());
    for (int i = chain.size() - 1; i >= 0; i--) {
      MParser.UnaryExpressionContext op = chain.get(i);
      result = new Expr.Unary(span(op.start, op.stop), unaryOperator(op.start), result);
    }
    return result;
  }

  static Expr.UnaryOperator unaryOperator(Token token) {
    return switch (token.getType()) {
      case MLexer.PLUS -> Expr.UnaryOperator.PLUS;
      case MLexer.MINUS -> Expr.UnaryOperator.MINUS;
      default -> Expr.UnaryOperator.NOT;
    };
  }

  private Expr typeExpression(MParser.TypeExpressionContext ctx) {
    if (ctx.TYPE() != null) {
      return new Expr.TypeValue(span(ctx), primaryType(ctx.primaryType()));
    }
    return primaryExpression(ctx.primaryExpression());
  }

  private Expr primaryExpression(MParser.PrimaryExpressionContext ctx) {
    Expr result = primaryHead(ctx.primaryHead());
    for (MParser.PostfixContext postfix : ctx.postfix()) {
      Span span = result.span().to(span(postfix));
      if (postfix instanceof MParser.InvocationContext call) {
        List<Expr> arguments = new ArrayList<>();
        for (MParser.ExpressionContext argument : call.expression()) {
          arguments.add(expression(argument));
        }
        result = new Expr.Invoke(span, result, arguments);
      } else if (postfix instanceof MParser.ItemAccessContext item) {
        result =
            new Expr.ItemAccess(
                span, result, expression(item.expression()), item.QUESTION() != null);
      } else if (postfix instanceof MParser.FieldAccessContext field) {
        MParser.FieldSelectorContext selector = field.fieldSelector();
        result =
            new Expr.FieldAccess(
                span,
                Optional.of(result),
                fieldName(selector.fieldName()),
                selector.QUESTION() != null);
      } else if (postfix instanceof MParser.ProjectionAccessContext projection) {
        result =
            new Expr.Projection(
                span,
                Optional.of(result),
                projectionFields(projection.projection()),
                projection.projection().QUESTION() != null);
      } else {
        throw new IllegalStateException("incomplete postfix");
      }
    }
    return result;
  }

  private Expr primaryHead(MParser.PrimaryHeadContext ctx) {
    Span span = span(ctx);
    if (ctx instanceof MParser.LiteralExpressionContext literal) {
      return literal(literal.literal());
    }
    if (ctx instanceof MParser.ListHeadContext list) {
      List<Expr> items = new ArrayList<>();
      for (MParser.ListItemContext item : list.listExpression().listItem()) {
        Expr from = expression(item.expression(0));
        items.add(
            item.DOTDOT() == null
                ? from
                : new Expr.Range(span(item), from, expression(item.expression(1))));
      }
      return new Expr.ListExpr(span, items);
    }
    if (ctx instanceof MParser.RecordHeadContext record) {
      List<Expr.Field> fields = new ArrayList<>();
      for (MParser.FieldContext field : record.recordExpression().field()) {
        fields.add(
            new Expr.Field(
                span(field), fieldName(field.fieldName()), expression(field.expression())));
      }
      return new Expr.RecordExpr(span, fields);
    }
    if (ctx instanceof MParser.SectionAccessExpressionContext access) {
      return new Expr.SectionAccess(span, name(access.section).name(), name(access.member).name());
    }
    if (ctx instanceof MParser.IdentifierExpressionContext identifier) {
      return new Expr.Identifier(
          span, name(identifier.identifier()).name(), identifier.AT() != null);
    }
    if (ctx instanceof MParser.HashKeywordExpressionContext hash) {
      return new Expr.HashKeyword(span, hash.getText());
    }
    if (ctx instanceof MParser.ParenthesizedExpressionContext parenthesized) {
      return expression(parenthesized.expression());
    }
    if (ctx instanceof MParser.ImplicitFieldAccessContext implicit) {
      MParser.FieldSelectorContext selector = implicit.fieldSelector();
      return new Expr.FieldAccess(
          span, Optional.empty(), fieldName(selector.fieldName()), selector.QUESTION() != null);
    }
    if (ctx instanceof MParser.ImplicitProjectionContext implicit) {
      return new Expr.Projection(
          span,
          Optional.empty(),
          projectionFields(implicit.projection()),
          implicit.projection().QUESTION() != null);
    }
    if (ctx instanceof MParser.NotImplementedExpressionContext) {
      return new Expr.NotImplemented(span);
    }
    throw new IllegalStateException("incomplete primary expression");
  }

  private List<Name> projectionFields(MParser.ProjectionContext ctx) {
    List<Name> fields = new ArrayList<>();
    for (MParser.RequiredFieldSelectorContext selector : ctx.requiredFieldSelector()) {
      fields.add(fieldName(selector.fieldName()));
    }
    return fields;
  }

  private Expr literal(MParser.LiteralContext ctx) {
    return literal(ctx.start);
  }

  /** The literal a literal token spells. */
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

  /**
   * An equal string seen recently, else {@code text} itself. Names and literals repeat a lot in M
   * code; a large file's tree then holds one copy of each instead of one per use. (A small
   * direct-mapped cache: cheap to consult, and it forgets.)
   */
  String shared(String text) {
    int slot = text.hashCode() & (SHARED_STRINGS - 1);
    String cached = sharedStrings[slot];
    if (text.equals(cached)) {
      return cached;
    }
    sharedStrings[slot] = text;
    return text;
  }

  /** Decodes a quoted token whose opening is {@code prefixLength} characters long. */
  private String text(Token token, int prefixLength) {
    return text(token, token.getText(), prefixLength);
  }

  /** Decodes a quoted token, given its text {@code raw}. */
  private String text(Token token, String raw, int prefixLength) {
    String body = raw.substring(prefixLength, raw.length() - 1);
    if (!TextEscapes.hasEscapes(body)) {
      return body;
    }
    return TextEscapes.decode(body, new EscapeProblems(token.getStartIndex() + prefixLength));
  }

  /**
   * Reports invalid escapes of one literal at their place. (A class, not a lambda: linking the
   * first lambda of a call site costs a fresh JVM milliseconds, and parsing is often its first
   * work.)
   */
  private final class EscapeProblems implements BiConsumer<Integer, String> {
    private final int bodyStart;

    EscapeProblems(int bodyStart) {
      this.bodyStart = bodyStart;
    }

    @Override
    public void accept(Integer offset, String message) {
      error(source.span(bodyStart + offset, bodyStart + offset + 2), message);
    }
  }

  // ---- Literal attributes ---------------------------------------------------------------------

  private Expr.RecordExpr literalRecord(MParser.LiteralAttributesContext ctx) {
    List<Expr.Field> fields = new ArrayList<>();
    for (MParser.LiteralFieldContext field : ctx.literalField()) {
      try {
        fields.add(
            new Expr.Field(
                span(field), fieldName(field.fieldName()), anyLiteral(field.anyLiteral())));
      } catch (RuntimeException incomplete) {
        // a field broken by a syntax error (reported as such) is left out
      }
    }
    return new Expr.RecordExpr(span(ctx), fields);
  }

  private Expr anyLiteral(MParser.AnyLiteralContext ctx) {
    if (ctx.literalAttributes() != null) {
      return literalRecord(ctx.literalAttributes());
    }
    if (ctx.literal() != null) {
      return literal(ctx.literal());
    }
    List<Expr> items = new ArrayList<>();
    for (MParser.AnyLiteralContext item : ctx.anyLiteral()) {
      items.add(anyLiteral(item));
    }
    return new Expr.ListExpr(span(ctx), items);
  }

  // ---- Types ----------------------------------------------------------------------------------

  private TypeNode type(MParser.TypeContext ctx) {
    if (ctx.primaryType() != null) {
      return primaryType(ctx.primaryType());
    }
    Expr expression = primaryExpression(ctx.primaryExpression());
    return new TypeNode.ExpressionType(expression.span(), expression);
  }

  private TypeNode primaryType(MParser.PrimaryTypeContext ctx) {
    Span span = span(ctx);
    if (ctx instanceof MParser.PrimitiveTypeRefContext primitive) {
      return primitive(primitive.nullablePrimitiveType());
    }
    if (ctx instanceof MParser.RecordTypeRefContext record) {
      return recordType(record.recordType());
    }
    if (ctx instanceof MParser.ListTypeContext list) {
      return new TypeNode.ListType(span, type(list.type()));
    }
    if (ctx instanceof MParser.FunctionTypeContext function) {
      List<TypeNode.ParameterSpec> parameters = new ArrayList<>();
      boolean sawOptional = false;
      for (MParser.ParameterSpecificationContext parameter : function.parameterSpecification()) {
        boolean optional = parameter.OPTIONAL() != null;
        Name name = name(parameter.identifier());
        sawOptional = checkParameterOrder(sawOptional, optional, span(parameter), name);
        parameters.add(
            new TypeNode.ParameterSpec(span(parameter), name, optional, type(parameter.type())));
      }
      return new TypeNode.FunctionType(span, parameters, type(function.type()));
    }
    if (ctx instanceof MParser.TableTypeContext table) {
      return new TypeNode.TableType(
          span, Optional.of(recordType(table.recordType())), Optional.empty());
    }
    if (ctx instanceof MParser.TableTypeFromExpressionContext table) {
      return new TypeNode.TableType(
          span, Optional.empty(), Optional.of(expression(table.expression())));
    }
    if (ctx instanceof MParser.NullableTypeContext nullable) {
      return new TypeNode.NullableType(span, type(nullable.type()));
    }
    throw new IllegalStateException("incomplete type");
  }

  private TypeNode.RecordType recordType(MParser.RecordTypeContext ctx) {
    List<TypeNode.FieldSpec> fields = new ArrayList<>();
    for (MParser.FieldSpecificationContext field : ctx.fieldSpecification()) {
      fields.add(
          new TypeNode.FieldSpec(
              span(field),
              fieldName(field.fieldName()),
              field.OPTIONAL() != null,
              Optional.ofNullable(field.type()).map(this::type)));
    }
    return new TypeNode.RecordType(span(ctx), fields, ctx.ELLIPSIS() != null);
  }

  private TypeNode.Primitive primitive(MParser.NullablePrimitiveTypeContext ctx) {
    return new TypeNode.Primitive(span(ctx), ctx.primitiveType().getText(), ctx.NULLABLE() != null);
  }

  /** A nullable primitive type; {@code typeName} is the token of the type's name. */
  TypeNode.Primitive primitive(Span span, Token typeName, boolean nullable) {
    return new TypeNode.Primitive(span, shared(typeName.getText()), nullable);
  }

  // ---- Names ----------------------------------------------------------------------------------

  private Name name(MParser.IdentifierContext ctx) {
    return name(ctx.start, span(ctx));
  }

  /** The name an identifier token (plain, quoted or a contextual keyword) stands for. */
  Name name(Token token, Span span) {
    String name = token.getType() == MLexer.QUOTED_IDENTIFIER ? text(token, 2) : token.getText();
    return new Name(span, shared(name));
  }

  /** The name a quoted identifier token stands for. */
  Name quotedName(Token token, Span span) {
    return new Name(span, shared(text(token, 2)));
  }

  private Name fieldName(MParser.FieldNameContext ctx) {
    if (ctx.QUOTED_IDENTIFIER() != null) {
      return quotedName(ctx.QUOTED_IDENTIFIER().getSymbol(), span(ctx));
    }
    List<MParser.GeneralizedIdentifierPartContext> parts =
        ctx.generalizedIdentifier().generalizedIdentifierPart();
    for (int i = 1; i < parts.size(); i++) {
      checkGap(parts.get(i - 1).stop.getStopIndex() + 1, parts.get(i).start.getStartIndex());
    }
    return generalizedName(parts.get(0).start, ctx.stop, span(ctx));
  }

  /** Reports the gap between two parts of a generalized identifier unless it is only blanks. */
  void checkGap(int gapStart, int gapEnd) {
    String gap = chars.getText(Interval.of(gapStart, gapEnd - 1));
    if (!gap.chars().allMatch(c -> c == ' ')) {
      error(
          source.span(gapStart, gapEnd),
          "the parts of a field name may be separated only by blanks, not by " + describeGap(gap));
    }
  }

  /** A generalized identifier: the source text from its first to its last token. */
  Name generalizedName(Token first, Token last, Span span) {
    return new Name(
        span, shared(chars.getText(Interval.of(first.getStartIndex(), last.getStopIndex()))));
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

  // ---- Positions ------------------------------------------------------------------------------

  private void error(Span span, String message) {
    errors.add(new SyntaxError(span, message));
  }

  Span span(ParserRuleContext ctx) {
    return span(ctx.start, ctx.stop);
  }

  Span span(Token token) {
    return span(token, token);
  }

  Span span(Token start, Token stop) {
    int begin = start.getStartIndex();
    int end = stop == null || stop.getStopIndex() < begin ? begin : stop.getStopIndex() + 1;
    return source.span(begin, end);
  }
}
