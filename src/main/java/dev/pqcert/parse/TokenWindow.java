package dev.pqcert.parse;

import java.util.Arrays;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.WritableToken;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The fast path's token stream: a window over the lexer's tokens that the parser slides along.
 * Tokens are lexed in batches (lexing many tokens in one go is faster than one per parser request)
 * and dropped once the parser is past them and no prediction holds a mark, so a large file never
 * holds all its tokens, and the collector never has to copy them.
 *
 * <p>It supports what ANTLR's parser and its SLL prediction use: {@code LA}/{@code LT} ahead, the
 * previous token, marks, and seeking back to a marked position; the text of tokens only while they
 * are in the window (error messages come from the slow path, which has all tokens).
 */
final class TokenWindow implements TokenStream {
  private static final int BATCH = 256;

  private final TokenSource source;
  private Token[] window = new Token[4 * BATCH];
  private int start; // stream index of window[0]
  private int size; // tokens in the window
  private int position; // window index of the current token
  private Token beforeWindow; // the token before window[0], for LT(-1)
  private int marks;
  private int markedPosition; // window index of the oldest mark (while marks > 0)
  private boolean sawEof;

  TokenWindow(TokenSource source) {
    this.source = source;
  }

  @Override
  public Token LT(int k) {
    if (k == -1) {
      return position > 0 ? window[position - 1] : beforeWindow;
    }
    if (k < 1) {
      throw new UnsupportedOperationException("LT(" + k + ")");
    }
    if (position + k - 1 >= size) {
      fetchAhead(k);
      if (position + k - 1 >= size) {
        return window[size - 1]; // EOF
      }
    }
    return window[position + k - 1];
  }

  @Override
  public int LA(int k) {
    return LT(k).getType();
  }

  @Override
  public void consume() {
    if (LA(1) == Token.EOF) {
      throw new IllegalStateException("cannot consume EOF");
    }
    position++;
  }

  /** Lexes until the window holds LT(k) (or the end of the input). */
  private void fetchAhead(int k) {
    while (position + k - 1 >= size && !sawEof) {
      if (size + BATCH > window.length) {
        makeRoom();
      }
      int end = size + BATCH;
      while (size < end && !sawEof) {
        Token token = source.nextToken();
        if (token instanceof WritableToken writable) {
          writable.setTokenIndex(start + size);
        }
        window[size++] = token;
        sawEof = token.getType() == Token.EOF;
      }
    }
  }

  /** Drops the tokens before the current one (or the oldest mark), else grows the window. */
  private void makeRoom() {
    int keep = marks > 0 ? Math.min(position, markedPosition) : position;
    if (keep >= BATCH) {
      beforeWindow = window[keep - 1];
      System.arraycopy(window, keep, window, 0, size - keep);
      Arrays.fill(window, size - keep, size, null);
      start += keep;
      size -= keep;
      position -= keep;
      markedPosition -= keep;
    } else {
      window = Arrays.copyOf(window, window.length * 2);
    }
  }

  @Override
  public int mark() {
    if (marks == 0) {
      markedPosition = position;
    }
    marks++;
    return -marks;
  }

  @Override
  public void release(int marker) {
    marks--;
  }

  @Override
  public int index() {
    return start + position;
  }

  @Override
  public void seek(int index) {
    int target = index - start;
    if (target < 0 || target > size) {
      throw new UnsupportedOperationException("seek outside the token window: " + index);
    }
    position = target;
  }

  @Override
  public int size() {
    throw new UnsupportedOperationException("the token window does not know the stream's size");
  }

  @Override
  public Token get(int index) {
    int at = index - start;
    if (at < 0 || at >= size) {
      throw new UnsupportedOperationException("token " + index + " is outside the window");
    }
    return window[at];
  }

  @Override
  public TokenSource getTokenSource() {
    return source;
  }

  @Override
  public String getSourceName() {
    return source.getSourceName();
  }

  /** The text of tokens still in the window (as ANTLR's unbuffered stream, which also forgets). */
  @Override
  public String getText(Interval interval) {
    int from = interval.a - start;
    int to = interval.b - start;
    if (from < 0 || to >= size) {
      throw new UnsupportedOperationException("tokens " + interval + " are outside the window");
    }
    StringBuilder text = new StringBuilder();
    for (int i = from; i <= to && window[i].getType() != Token.EOF; i++) {
      text.append(window[i].getText());
    }
    return text.toString();
  }

  @Override
  public String getText() {
    throw new UnsupportedOperationException("the window does not hold the whole stream");
  }

  @Override
  public String getText(RuleContext ctx) {
    return ctx.getText();
  }

  @Override
  public String getText(Token start, Token stop) {
    return getText(Interval.of(start.getTokenIndex(), stop.getTokenIndex()));
  }
}
