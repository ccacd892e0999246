package dev.pqcert.parse;

import dev.pqcert.parse.antlr.MLexer;
import dev.pqcert.parse.antlr.MParser;
import dev.pqcert.parse.ast.Document;
import dev.pqcert.parse.ast.Expr;
import dev.pqcert.parse.ast.SectionMember;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Pair;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses M text into the typed tree.
 *
 * <p>The common case, a file without errors, takes one pass in ANTLR's fast SLL mode with bail-out.
 * Only when that fails does the slow path run: full LL with error recovery, and for section
 * documents recovery at member boundaries — {@code ;} ends a member and appears nowhere else in M,
 * so the header and each member are parsed on their own and one broken member cannot hide the rest.
 * The first error of each part is reported; what follows it is usually a cascade.
 *
 * <p>Parsing runs on a {@link DeepStack} thread so deeply nested input parses; deeper still becomes
 * a located error, never a crash.
 */
public final class DocumentParser {
  private DocumentParser() {}

  // The first parse in a JVM pays for initializing ANTLR's lexer and parser (class loading and
  // deserializing their state machines, some 30 ms each before the JIT): the parser is initialized
  // on a second thread while the first file is being lexed.
  static {
    Thread init = new Thread(new InitializeParser(), "pqcert-parser-init");
    init.setDaemon(true);
    init.start();
  }

  private static final class InitializeParser implements Runnable {
    @Override
    public void run() {
      ClassLoader loader = DocumentParser.class.getClassLoader();
      try {
        Class.forName(MParser.class.getName(), true, loader);
        Class.forName(DirectTreeParser.class.getName(), true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        // only a head start: the parse initializes them itself, and reports what fails
      }
    }
  }

  public static ParseResult parse(SourceText source, DocumentKind kind) {
    try {
      return DeepStack.call(new ParseTask(source, kind));
    } catch (DeepStack.TooDeepException tooDeep) {
      SyntaxError error =
          new SyntaxError(
              source.span(0, 0),
              "the expression is nested too deeply to analyse; split it into smaller parts");
      return new ParseResult(
          source, Document.of(new Expr.Invalid(Span.NONE)), List.of(error), List.of());
    }
  }

  /**
   * One parse, to run on the deep stack. (Classes, not lambdas, on the path of every parse: linking
   * a lambda costs a fresh JVM milliseconds, and parsing is often the first work it does.)
   */
  private static final class ParseTask implements Callable<ParseResult> {
    private final SourceText source;
    private final DocumentKind kind;

    ParseTask(SourceText source, DocumentKind kind) {
      this.source = source;
      this.kind = kind;
    }

    @Override
    public ParseResult call() {
      return new Run(source).parse(kind);
    }
  }

  private static final Comparator<SyntaxError> BY_START = new ByStart();

  /** Errors in source order. */
  private static final class ByStart implements Comparator<SyntaxError> {
    @Override
    public int compare(SyntaxError a, SyntaxError b) {
      return a.span().start().compareTo(b.span().start());
    }
  }

  /**
   * A parser that builds each section member's tree as soon as it finishes the member, then drops
   * the member's parse tree, so a large document never holds more than one member's parse tree. (An
   * exitRule override: ANTLR's parse listeners cost a dispatch on every rule entry.)
   */
  private static final class PruningParser extends MParser {
    private final AstBuilder builder;
    private final List<SectionMember> members = new ArrayList<>();

    PruningParser(TokenStream input, AstBuilder builder) {
      super(input);
      this.builder = builder;
    }

    @Override
    public void exitRule() {
      ParserRuleContext finished = _ctx;
      super.exitRule();
      if (finished instanceof MParser.SectionMemberContext member
          && member.getParent() instanceof MParser.SectionDocumentContext document) {
        builder.member(member).ifPresent(members::add);
        document.removeLastChild();
      }
    }
  }

  /** One parse of one file. */
  private static final class Run {
    private final SourceText source;
    private final CharStream chars;
    private final List<SyntaxError> errors = new ArrayList<>();
    private final TreeFactory factory;
    private final AstBuilder builder;

    Run(SourceText source) {
      this.source = source;
      this.chars = charStream(source);
      this.factory = new TreeFactory(source, chars, errors);
      this.builder = new AstBuilder(factory);
    }

    ParseResult parse(DocumentKind requested) {
      // The fast path streams tokens from the lexer to the parser, which drops them once past
      // them: a large file never holds all its tokens (and the collector never copies them).
      CommentSplitter lexed = new CommentSplitter(lexer());
      TokenWindow stream = new TokenWindow(lexed);
      DocumentKind kind = requested == DocumentKind.AUTO ? detect(stream) : requested;
      boolean syntaxError = false;
      try {
        Document document = direct(stream, kind);
        if (document != null) {
          errors.sort(BY_START);
          return new ParseResult(source, document, List.copyOf(errors), comments(lexed.comments));
        }
      } catch (ParseCancellationException bailedOut) {
        syntaxError = true;
      }

      // The slow path, from all tokens (lexed again: the lexer is deterministic).
      CommonTokenStream all = new CommonTokenStream(lexer());
      all.fill();
      List<Token> tokens = List.copyOf(all.getTokens());
      errors.clear();
      Document document = null;
      if (!syntaxError) {
        // Building without a parse tree failed on a valid parse (a bug, not the input): build
        // from a parse tree instead.
        try {
          document = fromParseTree(all, kind);
        } catch (ParseCancellationException bailedOut) {
          errors.clear();
        }
      }
      if (document == null) {
        document =
            kind == DocumentKind.SECTION
                ? Document.of(recoverSection(tokens))
                : Document.of(
                    builder.expressionDocument(
                        parseOnce(tokens, MParser::expressionDocument).context()));
      }
      errors.sort(BY_START);
      return new ParseResult(source, document, List.copyOf(errors), comments(tokens));
    }

    private MLexer lexer() {
      chars.seek(0);
      MLexer lexer = new MLexer(chars);
      lexer.removeErrorListeners(); // every character becomes a token; the parser reports them
      return lexer;
    }

    /** The fast path: SLL with bail-out, the typed tree built as the parser goes. */
    private Document direct(TokenStream stream, DocumentKind kind) {
      DirectTreeParser parser = new DirectTreeParser(stream, factory);
      if (kind == DocumentKind.SECTION) {
        parser.sectionDocument();
        return parser.failed() ? null : Document.of(parser.sectionResult());
      }
      parser.expressionDocument();
      return parser.failed() ? null : Document.of(parser.expressionResult());
    }

    /** SLL with bail-out, the typed tree built from ANTLR's parse tree. */
    private Document fromParseTree(CommonTokenStream stream, DocumentKind kind) {
      if (kind == DocumentKind.SECTION) {
        PruningParser fast = fast(new PruningParser(stream, builder));
        return Document.of(builder.section(fast.sectionDocument(), fast.members));
      }
      return Document.of(
          builder.expressionDocument(fast(new MParser(stream)).expressionDocument()));
    }

    private dev.pqcert.parse.ast.SectionDocument recoverSection(List<Token> tokens) {
      List<List<Token>> parts = splitAfterSemicolons(tokens);
      Parsed<MParser.SectionHeaderContext> header =
          parseSplitting(parts.get(0), MParser::sectionHeader, parts);
      List<SectionMember> members = new ArrayList<>();
      for (int i = 1; i < parts.size(); i++) {
        Parsed<MParser.SectionMemberOnlyContext> member =
            parseSplitting(parts.get(i), MParser::sectionMemberOnly, parts);
        if (member.context().sectionMember() != null) {
          builder.member(member.context().sectionMember()).ifPresent(members::add);
        }
      }
      return builder.section(header.context(), members);
    }

    /**
     * Parses one part; when it fails where a new member starts (a missing {@code ;}), ends the part
     * there with a virtual {@code ;} and queues the rest as a part of its own.
     */
    private <T extends ParserRuleContext> Parsed<T> parseSplitting(
        List<Token> part, Function<MParser, T> rule, List<List<Token>> parts) {
      Parsed<T> parsed = parseOnce(part, rule);
      Integer split = parsed.firstErrorIndex();
      if (split != null && split > 0 && split < part.size() && startsMember(part, split)) {
        List<Token> head = new ArrayList<>(part.subList(0, split));
        head.add(virtualSemicolon(part.get(split - 1)));
        List<Token> rest = new ArrayList<>(part.subList(split, part.size()));
        int position = parts.indexOf(part);
        parts.add(position + 1, rest);
        // Keep the error already reported for the missing ';', not a second one for the head.
        int reported = errors.size();
        Parsed<T> headParsed = parseOnce(head, rule);
        while (errors.size() > reported) {
          errors.remove(errors.size() - 1);
        }
        return headParsed;
      }
      return parsed;
    }

    /**
     * Whether the token at {@code index} plausibly starts the next member, so that the error there
     * is a missing {@code ;}: a member's start ({@code shared}, attributes, or a name and {@code
     * =}) outside any bracket or {@code let} of this part (a name and {@code =} inside a record or
     * a let is a missing comma), or, when brackets were left open, first on its line and indented
     * no deeper than this part's first token (as members are).
     */
    private boolean startsMember(List<Token> part, int index) {
      Token token = part.get(index);
      boolean start =
          token.getType() == MLexer.SHARED
              || token.getType() == MLexer.LBRACKET // attributes of the next member
              || ((token.getType() == MLexer.IDENTIFIER
                      || token.getType() == MLexer.QUOTED_IDENTIFIER)
                  && nextOnChannel(part, index + 1) < part.size()
                  && part.get(nextOnChannel(part, index + 1)).getType() == MLexer.EQ);
      if (!start) {
        return false;
      }
      int depth = 0;
      Token first = null;
      Token previous = null;
      for (int i = 0; i < index; i++) {
        Token before = part.get(i);
        if (before.getChannel() != Token.DEFAULT_CHANNEL) {
          previous = before;
          continue;
        }
        first = first == null ? before : first;
        previous = before;
        switch (before.getType()) {
          case MLexer.LPAREN, MLexer.LBRACKET, MLexer.LBRACE, MLexer.LET -> depth++;
          case MLexer.RPAREN, MLexer.RBRACKET, MLexer.RBRACE, MLexer.IN ->
              depth = Math.max(0, depth - 1);
          default -> {}
        }
      }
      if (depth == 0) {
        return true;
      }
      // (Lines and columns as the source counts them: ANTLR's count only LF.)
      Position at = source.positionAt(token.getStartIndex());
      boolean firstOnLine =
          previous == null || source.positionAt(previous.getStopIndex()).line() < at.line();
      return firstOnLine
          && first != null
          && at.column() <= source.positionAt(first.getStartIndex()).column();
    }

    private static Token virtualSemicolon(Token previous) {
      int end = previous.getStopIndex() + 1;
      // The source pair of the token before it: ANTLR's recovery conjures tokens from it.
      CommonToken semicolon =
          new CommonToken(
              new Pair<>(previous.getTokenSource(), previous.getInputStream()),
              MLexer.SEMI,
              Token.DEFAULT_CHANNEL,
              end,
              end - 1);
      semicolon.setText(";");
      semicolon.setLine(previous.getLine());
      semicolon.setCharPositionInLine(previous.getCharPositionInLine());
      return semicolon;
    }

    /** A part's parse and the index (within the part) of the token of its first error. */
    private record Parsed<T>(T context, Integer firstErrorIndex) {}

    /** SLL first; on failure LL with recovery, keeping only the first error of the part. */
    private <T extends ParserRuleContext> Parsed<T> parseOnce(
        List<Token> part, Function<MParser, T> rule) {
      CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(withoutEof(part)));
      stream.fill();
      try {
        return new Parsed<>(rule.apply(fast(new MParser(stream))), null);
      } catch (ParseCancellationException slowPath) {
        stream.seek(0);
        MParser parser = new MParser(stream);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new DefaultErrorStrategy());
        List<SyntaxError> partErrors = new ArrayList<>();
        SyntaxErrorListener listener = new SyntaxErrorListener(source, partErrors);
        parser.addErrorListener(listener);
        T context = rule.apply(parser);
        Integer index = null;
        if (!partErrors.isEmpty()) {
          errors.add(partErrors.get(0));
          index = listener.firstOffendingTokenIndex();
        }
        return new Parsed<>(context, index);
      }
    }

    private static List<Token> withoutEof(List<Token> part) {
      if (!part.isEmpty() && part.get(part.size() - 1).getType() == Token.EOF) {
        return part.subList(0, part.size() - 1);
      }
      return part;
    }

    private static <P extends MParser> P fast(P parser) {
      parser.removeErrorListeners();
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      parser.setErrorHandler(new BailErrorStrategy());
      return parser;
    }

    /** Cuts the token list after each {@code ;}; the first part is the section header. */
    private static List<List<Token>> splitAfterSemicolons(List<Token> tokens) {
      List<List<Token>> parts = new ArrayList<>();
      List<Token> current = new ArrayList<>();
      for (Token token : tokens) {
        if (token.getType() == Token.EOF) {
          break;
        }
        current.add(token);
        if (token.getType() == MLexer.SEMI) {
          parts.add(current);
          current = new ArrayList<>();
        }
      }
      boolean onlyTrivia = current.stream().allMatch(t -> t.getChannel() != Token.DEFAULT_CHANNEL);
      if (parts.isEmpty() || !onlyTrivia) {
        parts.add(current);
      }
      return parts;
    }

    private List<Comment> comments(List<Token> tokens) {
      List<Comment> comments = new ArrayList<>();
      for (Token token : tokens) {
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

  /**
   * The text as ANTLR's code point stream, copied once: {@link CharStreams#fromString} copies it
   * twice (through a {@code CharBuffer}).
   */
  static CharStream charStream(SourceText source) {
    String text = source.text();
    CodePointBuffer buffer;
    if (source.isLatin1()) {
      buffer =
          CodePointBuffer.withBytes(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
    } else if (source.codePointCount() == text.length()) {
      buffer = CodePointBuffer.withChars(CharBuffer.wrap(text.toCharArray()));
    } else {
      return CharStreams.fromString(text, source.name());
    }
    return CodePointCharStream.fromBuffer(buffer, source.name());
  }

  /**
   * A section document starts with {@code section}, after an optional attribute record. Looks ahead
   * in the stream without consuming.
   */
  private static DocumentKind detect(TokenStream stream) {
    int index = 1;
    if (stream.LA(index) == MLexer.LBRACKET) {
      int depth = 0;
      for (; ; index++) {
        int type = stream.LA(index);
        if (type == Token.EOF) {
          return DocumentKind.EXPRESSION; // the record never closes
        }
        if (type == MLexer.LBRACKET) {
          depth++;
        } else if (type == MLexer.RBRACKET && --depth == 0) {
          index++;
          break;
        }
      }
    }
    return stream.LA(index) == MLexer.SECTION ? DocumentKind.SECTION : DocumentKind.EXPRESSION;
  }

  /**
   * The lexer's tokens on the default channel; comments (the other channel) are set aside, in
   * order.
   */
  private static final class CommentSplitter implements TokenSource {
    private final MLexer lexer;
    final List<Token> comments = new ArrayList<>();

    CommentSplitter(MLexer lexer) {
      this.lexer = lexer;
    }

    @Override
    public Token nextToken() {
      Token token = lexer.nextToken();
      while (token.getChannel() != Token.DEFAULT_CHANNEL) {
        comments.add(token);
        token = lexer.nextToken();
      }
      return token;
    }

    @Override
    public int getLine() {
      return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
      return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
      return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
      return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
      lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
      return lexer.getTokenFactory();
    }
  }

  private static int nextOnChannel(List<Token> tokens, int from) {
    int index = from;
    while (index < tokens.size() && tokens.get(index).getChannel() != Token.DEFAULT_CHANNEL) {
      index++;
    }
    return index;
  }
}
