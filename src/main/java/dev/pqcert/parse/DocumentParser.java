package dev.pqcert.parse;

import dev.pqcert.parse.antlr.MLexer;
import dev.pqcert.parse.antlr.MParser;
import dev.pqcert.parse.ast.Document;
import dev.pqcert.parse.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses M text into the typed tree. Two stages: the fast SLL mode with bail-out, and the full LL
 * mode with error recovery only when the first stage fails. Parsing runs on a thread with a large
 * stack so deeply nested input parses; deeper still becomes a located error, never a crash.
 */
public final class DocumentParser {
  /** Reserved, not committed: the OS maps stack pages only as deep recursion touches them. */
  private static final long PARSER_STACK_BYTES = 1L << 30;

  private DocumentParser() {}

  public static ParseResult parse(SourceText source, DocumentKind kind) {
    AtomicReference<ParseResult> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread worker =
        new Thread(
            null,
            () -> {
              try {
                result.set(parseHere(source, kind));
              } catch (StackOverflowError tooDeep) {
                result.set(nestedTooDeeply(source));
              } catch (RuntimeException | Error unexpected) {
                failure.set(unexpected);
              }
            },
            "pqcert-parser",
            PARSER_STACK_BYTES);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing " + source.name(), interrupted);
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          "internal error while parsing " + source.name(), failure.get());
    }
    return result.get();
  }

  private static ParseResult nestedTooDeeply(SourceText source) {
    SyntaxError error =
        new SyntaxError(
            source.span(0, 0),
            "the expression is nested too deeply to analyse; split it into smaller parts");
    return new ParseResult(
        source, Document.of(new Expr.Invalid(Span.NONE)), List.of(error), List.of());
  }

  private static ParseResult parseHere(SourceText source, DocumentKind requested) {
    CharStream chars = CharStreams.fromString(source.text(), source.name());
    MLexer lexer = new MLexer(chars);
    lexer.removeErrorListeners(); // every character becomes a token; the parser reports them
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    DocumentKind kind = requested == DocumentKind.AUTO ? detect(tokens) : requested;

    MParser parser = new MParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    List<SyntaxError> errors = new ArrayList<>();
    Document document;
    try {
      document = build(parser, kind, source, chars, errors);
    } catch (ParseCancellationException slowPath) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.addErrorListener(new SyntaxErrorListener(source, errors));
      errors.clear();
      document = build(parser, kind, source, chars, errors);
    }
    errors.sort((a, b) -> a.span().start().compareTo(b.span().start()));
    return new ParseResult(source, document, List.copyOf(errors), comments(tokens, source));
  }

  private static Document build(
      MParser parser,
      DocumentKind kind,
      SourceText source,
      CharStream chars,
      List<SyntaxError> errors) {
    AstBuilder builder = new AstBuilder(source, chars, errors);
    if (kind == DocumentKind.SECTION) {
      return Document.of(builder.section(parser.sectionDocument()));
    }
    return Document.of(builder.expressionDocument(parser.expressionDocument()));
  }

  /** A section document starts with {@code section}, after an optional attribute record. */
  private static DocumentKind detect(CommonTokenStream tokens) {
    int index = 0;
    List<Token> all = tokens.getTokens();
    index = nextOnChannel(all, index);
    if (index < all.size() && all.get(index).getType() == MLexer.LBRACKET) {
      int depth = 0;
      for (; index < all.size(); index++) {
        Token token = all.get(index);
        if (token.getChannel() != Token.DEFAULT_CHANNEL) {
          continue;
        }
        if (token.getType() == MLexer.LBRACKET) {
          depth++;
        } else if (token.getType() == MLexer.RBRACKET && --depth == 0) {
          index = nextOnChannel(all, index + 1);
          break;
        }
      }
    }
    return index < all.size() && all.get(index).getType() == MLexer.SECTION
        ? DocumentKind.SECTION
        : DocumentKind.EXPRESSION;
  }

  private static int nextOnChannel(List<Token> tokens, int from) {
    int index = from;
    while (index < tokens.size() && tokens.get(index).getChannel() != Token.DEFAULT_CHANNEL) {
      index++;
    }
    return index;
  }

  private static List<Comment> comments(CommonTokenStream tokens, SourceText source) {
    List<Comment> comments = new ArrayList<>();
    for (Token token : tokens.getTokens()) {
      if (token.getChannel() == MLexer.COMMENTS) {
        comments.add(
            new Comment(
                source.span(token.getStartIndex(), token.getStopIndex() + 1),
                token.getText(),
                token.getType() == MLexer.LINE_COMMENT));
      }
    }
    return List.copyOf(comments);
  }
}
