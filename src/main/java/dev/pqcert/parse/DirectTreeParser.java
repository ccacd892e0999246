package dev.pqcert.parse;

import dev.pqcert.parse.antlr.MLexer;
import dev.pqcert.parse.antlr.MParser;
import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.Expr.Name;
import dev.pqcert.parse.ast.SectionDocument;
import dev.pqcert.parse.ast.SectionMember;
import dev.pqcert.parse.ast.TypeNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * The fast path's parser: the generated {@link MParser} in SLL mode with bail-out, without ANTLR's
 * parse tree. The typed tree is built as the parser goes instead: each rule invocation gets a frame
 * on a value stack, the tokens the rule matches and the values its sub-rules produced are pushed
 * into that frame, and when the rule exits its frame is replaced by the one value built from it.
 * The grammar stays the only definition of the syntax; this class only maps each finished rule to
 * {@link TreeFactory} calls, the factory {@link AstBuilder} uses to build from a parse tree (which
 * the error-recovery path still uses).
 *
 * <p>Operator chains are folded as the parser's precedence loop extends them, so a million-operand
 * chain needs no deeper stack than a short one. A postfix ({@code f(x)}, {@code r[a]}) is applied
 * to the expression before it as soon as it is parsed.
 *
 * <p>If building fails (which would be a bug), {@link #failed()} says so and the caller parses
 * again the slow way; a syntax error throws ANTLR's {@code ParseCancellationException} as in any
 * SLL parse with bail-out.
 */
final class DirectTreeParser extends MParser {
  private final TreeFactory factory;

  private Object[] values = new Object[256];
  private int top;
  private int[] frames = new int[64];
  private int depth;
  private boolean failed;

  DirectTreeParser(TokenStream input, TreeFactory factory) {
    super(input);
    this.factory = factory;
    setBuildParseTree(false);
    removeErrorListeners();
    getInterpreter().setPredictionMode(PredictionMode.SLL);
    setErrorHandler(new Bail());
  }

  /** Whether building stopped: after a syntax error, or (a bug) a frame that did not fit. */
  boolean failed() {
    return failed;
  }

  /** The section document; call after {@link #sectionDocument()} returned. */
  SectionDocument sectionResult() {
    return (SectionDocument) result();
  }

  /** The expression; call after {@link #expressionDocument()} returned. */
  Expr expressionResult() {
    return (Expr) result();
  }

  private Object result() {
    if (failed || top != 1 || depth != 0) {
      throw new IllegalStateException("no tree was built");
    }
    return values[0];
  }

  /**
   * Bail-out that first marks the build as failed, so frames are left alone while unwinding. It
   * reports nothing: the slow path parses again and reports the error.
   */
  private final class Bail extends BailErrorStrategy {
    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
      failed = true;
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
      failed = true;
      super.recover(recognizer, e);
    }

    @Override
    public Token recoverInline(Parser recognizer) throws RecognitionException {
      failed = true;
      return super.recoverInline(recognizer);
    }
  }

  // ---- Hooks into the generated parser --------------------------------------------------------

  @Override
  public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
    super.enterRule(localctx, state, ruleIndex);
    openFrame();
  }

  @Override
  public void enterRecursionRule(
      ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
    super.enterRecursionRule(localctx, state, ruleIndex, precedence);
    openFrame();
  }

  @Override
  public Token consume() {
    Token token = super.consume();
    if (!failed) {
      push(token);
    }
    return token;
  }

  @Override
  public void exitRule() {
    ParserRuleContext finished = _ctx;
    super.exitRule(); // sets finished.stop
    if (failed) {
      return;
    }
    try {
      int from = frames[--depth];
      Object value = build(finished, from, top);
      top = from;
      if (finished.getRuleIndex() == RULE_postfix) {
        // Applied to the expression it follows, the last value of the enclosing frame.
        values[top - 1] = applyPostfix((Expr) values[top - 1], finished, value);
      } else {
        push(value);
      }
    } catch (RuntimeException | StackOverflowError unexpected) {
      failed = true; // the caller parses again the slow way
    }
  }

  @Override
  public void pushNewRecursionContext(ParserRuleContext localctx, int state, int ruleIndex) {
    if (!failed) {
      try {
        // The operation parsed so far becomes the left operand of the next one.
        int from = frames[depth - 1];
        Object left = operation(_ctx, from, top);
        top = from;
        push(left);
      } catch (RuntimeException | StackOverflowError unexpected) {
        failed = true;
      }
    }
    super.pushNewRecursionContext(localctx, state, ruleIndex);
  }

  @Override
  public void unrollRecursionContexts(ParserRuleContext parentctx) {
    ParserRuleContext finished = _ctx;
    super.unrollRecursionContexts(parentctx);
    if (failed) {
      return;
    }
    try {
      int from = frames[--depth];
      Object value = operation(finished, from, top);
      top = from;
      push(value);
    } catch (RuntimeException | StackOverflowError unexpected) {
      failed = true;
    }
  }

  private void openFrame() {
    if (failed) {
      return;
    }
    if (depth == frames.length) {
      frames = Arrays.copyOf(frames, depth * 2);
    }
    frames[depth++] = top;
  }

  private void push(Object value) {
    if (top == values.length) {
      values = Arrays.copyOf(values, top * 2);
    }
    values[top++] = value;
  }

  // ---- Building: one value per finished rule --------------------------------------------------

  /** The {@code operatorExpression} alternative just finished, as one expression. */
  private Expr operation(ParserRuleContext ctx, int from, int to) {
    if (ctx instanceof OperandContext) {
      return (Expr) only(from, to);
    }
    Expr left = (Expr) values[from];
    Token operator = (Token) values[from + 1];
    if (ctx instanceof BinaryContext) {
      return factory.binary(left, operator, (Expr) values[from + 2]);
    }
    return factory.typeTest(left, operator, (TypeNode.Primitive) values[from + 2]);
  }

  private Object build(ParserRuleContext ctx, int from, int to) {
    switch (ctx.getRuleIndex()) {
      case RULE_sectionDocument:
        return sectionDocument(ctx, from, to);
      case RULE_sectionMember:
        return sectionMember(ctx, from);
      case RULE_expressionDocument:
        return values[from];
      case RULE_expression:
      case RULE_primaryExpression:
      case RULE_hashKeyword:
      case RULE_primitiveType:
      case RULE_contextualKeyword:
      case RULE_generalizedIdentifierPart:
        return only(from, to);
      case RULE_requiredFieldSelector:
        return values[from + 1];
      case RULE_unaryExpression:
        if (to - from == 2) {
          return factory.unary(span(ctx), (Token) values[from], (Expr) values[from + 1]);
        }
        return only(from, to);
      case RULE_typeExpression:
        if (to - from == 2) {
          return factory.typeValue(span(ctx), (TypeNode) values[from + 1]);
        }
        return only(from, to);
      case RULE_primaryHead:
        return primaryHead(ctx, from, to);
      case RULE_postfix:
        return postfix(ctx, from, to);
      case RULE_literal:
        return factory.literal((Token) only(from, to));
      case RULE_listExpression:
        return factory.list(span(ctx), all(Expr.class, from, to));
      case RULE_listItem:
        if (to - from == 3) {
          return factory.range(span(ctx), (Expr) values[from], (Expr) values[from + 2]);
        }
        return only(from, to);
      case RULE_recordExpression:
      case RULE_literalAttributes:
        return factory.record(span(ctx), all(Expr.Field.class, from, to));
      case RULE_field:
      case RULE_literalField:
        return factory.field(span(ctx), (Name) values[from], (Expr) values[from + 2]);
      case RULE_fieldSelector:
        return new Selector((Name) values[from + 1], isToken(to - 1, MLexer.QUESTION));
      case RULE_projection:
        return new Selected(all(Name.class, from, to), isToken(to - 1, MLexer.QUESTION));
      case RULE_functionExpression:
        return function(ctx, from, to);
      case RULE_parameter:
        return parameter(ctx, from, to);
      case RULE_eachExpression:
        return factory.each(span(ctx), (Expr) values[from + 1]);
      case RULE_letExpression:
        return factory.let(span(ctx), all(Expr.Binding.class, from, to), (Expr) values[to - 1]);
      case RULE_variable:
        return factory.binding(span(ctx), (Name) values[from], (Expr) values[from + 2]);
      case RULE_ifExpression:
        return factory.ifExpression(
            span(ctx), (Expr) values[from + 1], (Expr) values[from + 3], (Expr) values[from + 5]);
      case RULE_errorRaisingExpression:
        return factory.errorRaise(span(ctx), (Expr) values[from + 1]);
      case RULE_errorHandlingExpression:
        return tryExpression(ctx, from, to);
      case RULE_errorHandler:
        return errorHandler(ctx, from, to);
      case RULE_type:
        Object type = only(from, to);
        if (type instanceof Expr expression) {
          return factory.expressionType(expression);
        }
        return type;
      case RULE_primaryType:
        return primaryType(ctx, from, to);
      case RULE_nullablePrimitiveType:
        return factory.primitive(
            span(ctx),
            ((Token) values[to - 1]).getText(),
            isToken(from, MLexer.NULLABLE) && to - from == 2);
      case RULE_recordType:
        return factory.recordType(
            span(ctx), all(TypeNode.FieldSpec.class, from, to), isToken(to - 2, MLexer.ELLIPSIS));
      case RULE_rowType:
        return factory.recordType(span(ctx), all(TypeNode.FieldSpec.class, from, to), false);
      case RULE_rowExpression:
        return only(from, to); // the head, its postfixes already applied
      case RULE_rowExpressionHead:
        if (isToken(from, MLexer.LPAREN)) {
          return values[from + 1];
        }
        return factory.identifier(span(ctx), (Name) values[to - 1], to - from == 2);
      case RULE_fieldSpecification:
        return fieldSpecification(ctx, from, to);
      case RULE_parameterSpecification:
        return parameterSpecification(ctx, from, to);
      case RULE_identifier:
        if (to - from == 2) {
          return factory.name((Token) values[from], (Token) values[from + 1], span(ctx));
        }
        return factory.name((Token) only(from, to), span(ctx));
      case RULE_fieldName:
        Object name = only(from, to);
        if (name instanceof Token quoted) {
          return factory.name(quoted, span(ctx));
        }
        return name;
      case RULE_generalizedIdentifier:
        return factory.generalizedName(all(Token.class, from, to));
      case RULE_anyLiteral:
        if (isToken(from, MLexer.LBRACE)) {
          return factory.list(span(ctx), all(Expr.class, from, to));
        }
        if (values[from] instanceof Token literal) {
          return anyLiteral(span(ctx), literal);
        }
        return only(from, to);
      default:
        throw new IllegalStateException("no tree for rule " + ruleNames[ctx.getRuleIndex()]);
    }
  }

  /** A literal in an attribute record: a literal token, or {@code #infinity} or {@code #nan}. */
  private Expr anyLiteral(Span span, Token token) {
    if (token.getType() == MLexer.HASH_INFINITY || token.getType() == MLexer.HASH_NAN) {
      return factory.hashKeyword(span, token);
    }
    return factory.literal(token);
  }

  private SectionDocument sectionDocument(ParserRuleContext ctx, int from, int to) {
    int i = from;
    Optional<Expr.RecordExpr> attributes = Optional.empty();
    if (values[i] instanceof Expr.RecordExpr record) {
      attributes = Optional.of(record);
      i++;
    }
    Token keyword = (Token) values[i++];
    Optional<Name> name = Optional.empty();
    if (values[i] instanceof Name sectionName) {
      name = Optional.of(sectionName);
    }
    return factory.section(
        span(ctx),
        attributes,
        Optional.of(factory.span(keyword)),
        name,
        all(SectionMember.class, i, to));
  }

  private SectionMember sectionMember(ParserRuleContext ctx, int from) {
    int i = from;
    Optional<Expr.RecordExpr> attributes = Optional.empty();
    if (values[i] instanceof Expr.RecordExpr record) {
      attributes = Optional.of(record);
      i++;
    }
    boolean shared = isToken(i, MLexer.SHARED);
    if (shared) {
      i++;
    }
    return factory.member(span(ctx), attributes, shared, (Name) values[i], (Expr) values[i + 2]);
  }

  private Expr primaryHead(ParserRuleContext ctx, int from, int to) {
    if (ctx instanceof LiteralExpressionContext
        || ctx instanceof ListHeadContext
        || ctx instanceof RecordHeadContext) {
      return (Expr) only(from, to);
    }
    if (ctx instanceof ParenthesizedExpressionContext) {
      return (Expr) values[from + 1];
    }
    Span span = span(ctx);
    if (ctx instanceof IdentifierExpressionContext) {
      return factory.identifier(span, (Name) values[to - 1], to - from == 2);
    }
    if (ctx instanceof SectionAccessExpressionContext) {
      return factory.sectionAccess(span, (Name) values[from], (Name) values[from + 2]);
    }
    if (ctx instanceof HashKeywordExpressionContext) {
      return factory.hashKeyword(span, (Token) only(from, to));
    }
    if (ctx instanceof ImplicitFieldAccessContext) {
      Selector selector = (Selector) only(from, to);
      return factory.implicitFieldAccess(span, selector.name(), selector.optional());
    }
    if (ctx instanceof ImplicitProjectionContext) {
      Selected selected = (Selected) only(from, to);
      return factory.implicitProjection(span, selected.fields(), selected.optional());
    }
    if (ctx instanceof NotImplementedExpressionContext) {
      return factory.notImplemented(span);
    }
    throw new IllegalStateException("unknown primary expression " + ctx.getClass());
  }

  /** What a postfix adds; applied to its target by {@link #applyPostfix}. */
  private Object postfix(ParserRuleContext ctx, int from, int to) {
    if (ctx instanceof InvocationContext) {
      return all(Expr.class, from, to);
    }
    if (ctx instanceof ItemAccessContext) {
      return new Selector(null, isToken(to - 1, MLexer.QUESTION), (Expr) values[from + 1]);
    }
    return only(from, to); // a Selector or Selected
  }

  @SuppressWarnings("unchecked")
  private Expr applyPostfix(Expr target, ParserRuleContext ctx, Object postfix) {
    Span span = span(ctx);
    if (ctx instanceof InvocationContext) {
      return factory.invoke(target, span, (List<Expr>) postfix);
    }
    if (ctx instanceof ItemAccessContext) {
      Selector item = (Selector) postfix;
      return factory.itemAccess(target, span, item.index(), item.optional());
    }
    if (ctx instanceof FieldAccessContext) {
      Selector selector = (Selector) postfix;
      return factory.fieldAccess(target, span, selector.name(), selector.optional());
    }
    Selected selected = (Selected) postfix;
    return factory.projection(target, span, selected.fields(), selected.optional());
  }

  private Expr.Function function(ParserRuleContext ctx, int from, int to) {
    List<Expr.Parameter> parameters = all(Expr.Parameter.class, from, to);
    boolean sawOptional = false;
    for (Expr.Parameter parameter : parameters) {
      sawOptional =
          factory.checkParameterOrder(
              sawOptional, parameter.optional(), parameter.span(), parameter.name());
    }
    Optional<TypeNode.Primitive> returnType = Optional.empty();
    if (values[to - 3] instanceof TypeNode.Primitive primitive) {
      returnType = Optional.of(primitive);
    }
    return factory.function(span(ctx), parameters, returnType, (Expr) values[to - 1]);
  }

  private Expr.Parameter parameter(ParserRuleContext ctx, int from, int to) {
    boolean optional = isToken(from, MLexer.OPTIONAL);
    Name name = (Name) values[optional ? from + 1 : from];
    Optional<TypeNode> type = Optional.empty();
    if (values[to - 1] instanceof TypeNode.Primitive primitive) {
      type = Optional.of(primitive);
    }
    return factory.parameter(span(ctx), name, optional, type);
  }

  private Expr.Try tryExpression(ParserRuleContext ctx, int from, int to) {
    Expr body = (Expr) values[from + 1];
    Optional<Expr> otherwise = Optional.empty();
    Optional<Expr.Function> handler = Optional.empty();
    if (to - from == 3) {
      if (values[from + 2] instanceof Otherwise clause) {
        otherwise = Optional.of(clause.value());
      } else {
        handler = Optional.of((Expr.Function) values[from + 2]);
      }
    }
    return factory.tryExpression(span(ctx), body, otherwise, handler);
  }

  private Object errorHandler(ParserRuleContext ctx, int from, int to) {
    if (ctx instanceof OtherwiseClauseContext) {
      return new Otherwise((Expr) values[from + 1]);
    }
    Optional<Name> parameter = Optional.empty();
    if (values[from + 2] instanceof Name name) {
      parameter = Optional.of(name);
    }
    return factory.catchHandler(span(ctx), parameter, (Expr) values[to - 1]);
  }

  private TypeNode primaryType(ParserRuleContext ctx, int from, int to) {
    if (ctx instanceof PrimitiveTypeRefContext || ctx instanceof RecordTypeRefContext) {
      return (TypeNode) only(from, to);
    }
    Span span = span(ctx);
    if (ctx instanceof ListTypeContext) {
      return factory.listType(span, (TypeNode) values[from + 1]);
    }
    if (ctx instanceof FunctionTypeContext) {
      List<TypeNode.ParameterSpec> parameters = all(TypeNode.ParameterSpec.class, from, to);
      boolean sawOptional = false;
      for (TypeNode.ParameterSpec parameter : parameters) {
        sawOptional =
            factory.checkParameterOrder(
                sawOptional, parameter.optional(), parameter.span(), parameter.name());
      }
      return factory.functionType(span, parameters, (TypeNode) values[to - 1]);
    }
    if (ctx instanceof TableTypeContext) {
      return factory.tableType(span, (TypeNode.RecordType) values[from + 1]);
    }
    if (ctx instanceof TableTypeFromExpressionContext) {
      return factory.tableType(span, (Expr) values[from + 1]);
    }
    if (ctx instanceof NullableTypeContext) {
      return factory.nullableType(span, (TypeNode) values[from + 1]);
    }
    throw new IllegalStateException("unknown type " + ctx.getClass());
  }

  private TypeNode.FieldSpec fieldSpecification(ParserRuleContext ctx, int from, int to) {
    boolean optional = isToken(from, MLexer.OPTIONAL);
    Name name = (Name) values[optional ? from + 1 : from];
    Optional<TypeNode> type = Optional.empty();
    if (values[to - 1] instanceof TypeNode node) {
      type = Optional.of(node);
    }
    return factory.fieldSpec(span(ctx), name, optional, type);
  }

  private TypeNode.ParameterSpec parameterSpecification(ParserRuleContext ctx, int from, int to) {
    boolean optional = isToken(from, MLexer.OPTIONAL);
    Name name = (Name) values[optional ? from + 1 : from];
    return factory.parameterSpec(span(ctx), name, optional, (TypeNode) values[to - 1]);
  }

  private Span span(ParserRuleContext ctx) {
    return factory.span(ctx);
  }

  // ---- Frame access ---------------------------------------------------------------------------

  /** The frame's one value; a frame of a rule with a single sub-rule or token. */
  private Object only(int from, int to) {
    if (to - from != 1) {
      throw new IllegalStateException("expected one value, found " + (to - from));
    }
    return values[from];
  }

  private boolean isToken(int index, int type) {
    return values[index] instanceof Token token && token.getType() == type;
  }

  /** The frame's values of one class, in order (tokens and other values skipped). */
  private <T> List<T> all(Class<T> kind, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (kind.isInstance(values[i])) {
        count++;
      }
    }
    // The tree keeps the list: one or two items (most argument lists) fit in a single small
    // immutable object, longer lists get an array with no room to spare.
    if (count <= 2) {
      T first = null;
      T second = null;
      for (int i = from; i < to; i++) {
        if (kind.isInstance(values[i])) {
          if (first == null) {
            first = kind.cast(values[i]);
          } else {
            second = kind.cast(values[i]);
          }
        }
      }
      return first == null ? List.of() : second == null ? List.of(first) : List.of(first, second);
    }
    List<T> list = new ArrayList<>(count);
    for (int i = from; i < to; i++) {
      if (kind.isInstance(values[i])) {
        list.add(kind.cast(values[i]));
      }
    }
    return list;
  }

  /** A field selector ({@code name}) or item access ({@code index}), with its {@code ?}. */
  private record Selector(Name name, boolean optional, Expr index) {
    Selector(Name name, boolean optional) {
      this(name, optional, null);
    }
  }

  /** The fields of a projection, with its {@code ?}. */
  private record Selected(List<Name> fields, boolean optional) {}

  /** The {@code otherwise} clause of a {@code try}. */
  private record Otherwise(Expr value) {}
}
