package dev.pqcert.parse;

import dev.pqcert.parse.antlr.MLexer;
import dev.pqcert.parse.antlr.MParser;
import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.Expr.Name;
import dev.pqcert.parse.ast.SectionDocument;
import dev.pqcert.parse.ast.SectionMember;
import dev.pqcert.parse.ast.TypeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns ANTLR's parse tree into the typed tree (the error-recovery path), mapping each context to
 * {@link TreeFactory} calls. Parts of a tree broken by a syntax error become {@link Expr.Invalid}.
 */
final class AstBuilder {
  private final TreeFactory factory;

  AstBuilder(TreeFactory factory) {
    this.factory = factory;
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
    return factory.section(
        span(header),
        Optional.ofNullable(attributes).flatMap(this::guardedRecord),
        // recovery may have lost the keyword
        Optional.ofNullable(keyword).map(k -> factory.span(k.getSymbol())),
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
        factory.member(
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
      return factory.invalid(Span.NONE);
    }
    try {
      return expression(ctx);
    } catch (RuntimeException incomplete) {
      return factory.invalid(span(ctx));
    }
  }

  // ---- Expressions ----------------------------------------------------------------------------

  private Expr expression(MParser.ExpressionContext ctx) {
    if (ctx.operatorExpression() != null) {
      return operator(ctx.operatorExpression());
    }
    if (ctx.eachExpression() != null) {
      return factory.each(span(ctx), expression(ctx.eachExpression().expression()));
    }
    if (ctx.functionExpression() != null) {
      return function(ctx.functionExpression());
    }
    if (ctx.letExpression() != null) {
      MParser.LetExpressionContext let = ctx.letExpression();
      List<Expr.Binding> bindings = new ArrayList<>();
      for (MParser.VariableContext variable : let.variable()) {
        bindings.add(
            factory.binding(
                span(variable), name(variable.identifier()), expression(variable.expression())));
      }
      return factory.let(span(ctx), bindings, expression(let.expression()));
    }
    if (ctx.ifExpression() != null) {
      MParser.IfExpressionContext when = ctx.ifExpression();
      return factory.ifExpression(
          span(ctx),
          expression(when.condition),
          expression(when.whenTrue),
          expression(when.whenFalse));
    }
    if (ctx.errorRaisingExpression() != null) {
      return factory.errorRaise(span(ctx), expression(ctx.errorRaisingExpression().expression()));
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
      Optional<Name> parameter = Optional.ofNullable(clause.identifier()).map(this::name);
      handler =
          Optional.of(
              factory.catchHandler(span(clause), parameter, expression(clause.expression())));
    }
    return factory.tryExpression(span(ctx), body, otherwise, handler);
  }

  private Expr.Function function(MParser.FunctionExpressionContext ctx) {
    List<Expr.Parameter> parameters = new ArrayList<>();
    boolean sawOptional = false;
    for (MParser.ParameterContext parameter : ctx.parameter()) {
      boolean optional = parameter.OPTIONAL() != null;
      Name name = name(parameter.identifier());
      sawOptional = factory.checkParameterOrder(sawOptional, optional, span(parameter), name);
      Optional<TypeNode> type =
          Optional.ofNullable(parameter.nullablePrimitiveType()).map(this::primitive);
      parameters.add(factory.parameter(span(parameter), name, optional, type));
    }
    Optional<TypeNode.Primitive> returnType =
        Optional.ofNullable(ctx.nullablePrimitiveType()).map(this::primitive);
    return factory.function(span(ctx), parameters, returnType, expression(ctx.expression()));
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
      Token operator = node.getChild(TerminalNode.class, 0).getSymbol();
      if (node instanceof MParser.BinaryContext binary) {
        result = factory.binary(result, operator, operator(binary.operatorExpression(1)));
      } else {
        MParser.TypeAssertionContext assertion = (MParser.TypeAssertionContext) node;
        result = factory.typeTest(result, operator, primitive(assertion.nullablePrimitiveType()));
      }
    }
    return result;
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
      result = factory.unary(span(op), op.start, result);
    }
    return result;
  }

  private Expr typeExpression(MParser.TypeExpressionContext ctx) {
    if (ctx.TYPE() != null) {
      return factory.typeValue(span(ctx), primaryType(ctx.primaryType()));
    }
    return primaryExpression(ctx.primaryExpression());
  }

  private Expr primaryExpression(MParser.PrimaryExpressionContext ctx) {
    return postfixes(primaryHead(ctx.primaryHead()), ctx.postfix());
  }

  /** {@code head} with each postfix applied in turn. */
  private Expr postfixes(Expr head, List<MParser.PostfixContext> postfixes) {
    Expr result = head;
    for (MParser.PostfixContext postfix : postfixes) {
      Span span = span(postfix);
      if (postfix instanceof MParser.InvocationContext call) {
        List<Expr> arguments = new ArrayList<>();
        for (MParser.ExpressionContext argument : call.expression()) {
          arguments.add(expression(argument));
        }
        result = factory.invoke(result, span, arguments);
      } else if (postfix instanceof MParser.ItemAccessContext item) {
        result =
            factory.itemAccess(
                result, span, expression(item.expression()), item.QUESTION() != null);
      } else if (postfix instanceof MParser.FieldAccessContext field) {
        MParser.FieldSelectorContext selector = field.fieldSelector();
        result =
            factory.fieldAccess(
                result, span, fieldName(selector.fieldName()), selector.QUESTION() != null);
      } else if (postfix instanceof MParser.ProjectionAccessContext projection) {
        result =
            factory.projection(
                result,
                span,
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
      return factory.literal(literal.literal().start);
    }
    if (ctx instanceof MParser.ListHeadContext list) {
      List<Expr> items = new ArrayList<>();
      for (MParser.ListItemContext item : list.listExpression().listItem()) {
        Expr from = expression(item.expression(0));
        items.add(
            item.DOTDOT() == null
                ? from
                : factory.range(span(item), from, expression(item.expression(1))));
      }
      return factory.list(span, items);
    }
    if (ctx instanceof MParser.RecordHeadContext record) {
      List<Expr.Field> fields = new ArrayList<>();
      for (MParser.FieldContext field : record.recordExpression().field()) {
        fields.add(
            factory.field(
                span(field), fieldName(field.fieldName()), expression(field.expression())));
      }
      return factory.record(span, fields);
    }
    if (ctx instanceof MParser.SectionAccessExpressionContext access) {
      return factory.sectionAccess(span, name(access.section), name(access.member));
    }
    if (ctx instanceof MParser.IdentifierExpressionContext identifier) {
      return factory.identifier(span, name(identifier.identifier()), identifier.AT() != null);
    }
    if (ctx instanceof MParser.HashKeywordExpressionContext hash) {
      return factory.hashKeyword(span, hash.hashKeyword().start);
    }
    if (ctx instanceof MParser.ParenthesizedExpressionContext parenthesized) {
      return expression(parenthesized.expression());
    }
    if (ctx instanceof MParser.ImplicitFieldAccessContext implicit) {
      MParser.FieldSelectorContext selector = implicit.fieldSelector();
      return factory.implicitFieldAccess(
          span, fieldName(selector.fieldName()), selector.QUESTION() != null);
    }
    if (ctx instanceof MParser.ImplicitProjectionContext implicit) {
      return factory.implicitProjection(
          span, projectionFields(implicit.projection()), implicit.projection().QUESTION() != null);
    }
    if (ctx instanceof MParser.NotImplementedExpressionContext) {
      return factory.notImplemented(span);
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

  // ---- Literal attributes ---------------------------------------------------------------------

  private Expr.RecordExpr literalRecord(MParser.LiteralAttributesContext ctx) {
    List<Expr.Field> fields = new ArrayList<>();
    for (MParser.LiteralFieldContext field : ctx.literalField()) {
      try {
        fields.add(
            factory.field(
                span(field), fieldName(field.fieldName()), anyLiteral(field.anyLiteral())));
      } catch (RuntimeException incomplete) {
        // a field broken by a syntax error (reported as such) is left out
      }
    }
    return factory.record(span(ctx), fields);
  }

  private Expr anyLiteral(MParser.AnyLiteralContext ctx) {
    if (ctx.literalAttributes() != null) {
      return literalRecord(ctx.literalAttributes());
    }
    if (ctx.HASH_INFINITY() != null || ctx.HASH_NAN() != null) {
      return factory.hashKeyword(span(ctx), ctx.start);
    }
    if (ctx.NUMBER_LITERAL() != null
        || ctx.TEXT_LITERAL() != null
        || ctx.TRUE() != null
        || ctx.FALSE() != null
        || ctx.NULL() != null) {
      return factory.literal(ctx.start);
    }
    List<Expr> items = new ArrayList<>();
    for (MParser.AnyLiteralContext item : ctx.anyLiteral()) {
      items.add(anyLiteral(item));
    }
    return factory.list(span(ctx), items);
  }

  // ---- Types ----------------------------------------------------------------------------------

  private TypeNode type(MParser.TypeContext ctx) {
    if (ctx.primaryType() != null) {
      return primaryType(ctx.primaryType());
    }
    return factory.expressionType(primaryExpression(ctx.primaryExpression()));
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
      return factory.listType(span, type(list.type()));
    }
    if (ctx instanceof MParser.FunctionTypeContext function) {
      List<TypeNode.ParameterSpec> parameters = new ArrayList<>();
      boolean sawOptional = false;
      for (MParser.ParameterSpecificationContext parameter : function.parameterSpecification()) {
        boolean optional = parameter.OPTIONAL() != null;
        Name name = name(parameter.identifier());
        sawOptional = factory.checkParameterOrder(sawOptional, optional, span(parameter), name);
        parameters.add(
            factory.parameterSpec(span(parameter), name, optional, type(parameter.type())));
      }
      return factory.functionType(span, parameters, type(function.type()));
    }
    if (ctx instanceof MParser.TableTypeContext table) {
      MParser.RowTypeContext row = table.rowType();
      return factory.tableType(
          span, factory.recordType(span(row), fieldSpecs(row.fieldSpecification()), false));
    }
    if (ctx instanceof MParser.TableTypeFromExpressionContext table) {
      return factory.tableType(span, rowExpression(table.rowExpression()));
    }
    if (ctx instanceof MParser.NullableTypeContext nullable) {
      return factory.nullableType(span, type(nullable.type()));
    }
    throw new IllegalStateException("incomplete type");
  }

  /** {@code table rowType}, {@code table Type.ForRecord(...)}, {@code table (rowType)}. */
  private Expr rowExpression(MParser.RowExpressionContext ctx) {
    MParser.RowExpressionHeadContext head = ctx.rowExpressionHead();
    Expr row =
        head.expression() != null
            ? expression(head.expression())
            : factory.identifier(span(head), name(head.identifier()), head.AT() != null);
    return postfixes(row, ctx.postfix());
  }

  private TypeNode.RecordType recordType(MParser.RecordTypeContext ctx) {
    return factory.recordType(
        span(ctx), fieldSpecs(ctx.fieldSpecification()), ctx.ELLIPSIS() != null);
  }

  private List<TypeNode.FieldSpec> fieldSpecs(List<MParser.FieldSpecificationContext> specs) {
    List<TypeNode.FieldSpec> fields = new ArrayList<>();
    for (MParser.FieldSpecificationContext field : specs) {
      fields.add(
          factory.fieldSpec(
              span(field),
              fieldName(field.fieldName()),
              field.OPTIONAL() != null,
              Optional.ofNullable(field.type()).map(this::type)));
    }
    return fields;
  }

  private TypeNode.Primitive primitive(MParser.NullablePrimitiveTypeContext ctx) {
    return factory.primitive(span(ctx), ctx.primitiveType().getText(), ctx.NULLABLE() != null);
  }

  // ---- Names ----------------------------------------------------------------------------------

  private Name name(MParser.IdentifierContext ctx) {
    if (ctx.DOT() != null) {
      return factory.name(ctx.start, ctx.DOT().getSymbol(), span(ctx));
    }
    return factory.name(ctx.start, span(ctx));
  }

  private Name fieldName(MParser.FieldNameContext ctx) {
    if (ctx.QUOTED_IDENTIFIER() != null) {
      return factory.name(ctx.QUOTED_IDENTIFIER().getSymbol(), span(ctx));
    }
    // Parts and the dots that end them, in order.
    List<Token> parts = new ArrayList<>();
    for (ParseTree child : ctx.generalizedIdentifier().children) {
      if (child instanceof MParser.GeneralizedIdentifierPartContext part) {
        parts.add(part.start);
      } else if (child instanceof TerminalNode dot && dot.getSymbol().getType() == MLexer.DOT) {
        parts.add(dot.getSymbol());
      }
    }
    return factory.generalizedName(parts);
  }

  private Span span(ParserRuleContext ctx) {
    return factory.span(ctx);
  }
}
