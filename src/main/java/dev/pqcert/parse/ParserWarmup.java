package dev.pqcert.parse;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The parser's tables built ahead: ANTLR's lexer and parser state machines deserialized, their
 * classes started, and their first predictions cached by parsing a connector's first lines. A cold
 * JVM spends tens of milliseconds on this before its first file; {@code pqcert parse} has it done
 * on a thread of its own while the first core reads the command line (a check does it in its own
 * warm-up, with more beside it).
 *
 * <p>Parses wait for the warm-up ({@link #await}) rather than run beside it: two threads starting
 * the same classes can deadlock, when a static initialiser makes an instance of a subclass.
 */
public final class ParserWarmup {
  /** A connector's first lines, enough to build the parser's tables and its first predictions. */
  private static final String SAMPLE =
      "[Version = \"1.0.0\"]\nsection Warm;\n[DataSource.Kind = \"Warm\"]\n"
          + "shared Warm.Contents = (url as text) => let\n"
          + "    source = Json.Document(Web.Contents(url, [Query = [a = \"1\"]])),\n"
          + "    table = #table({\"Name\", \"Data\"}, {{\"a\", source}})\n"
          + "  in table;\n"
          + "Warm = [Authentication = [Anonymous = []], Label = \"Warm\"];\n";

  private static volatile FutureTask<Void> started;

  private ParserWarmup() {}

  /** Builds the tables on this thread: parses the sample. */
  public static void warm() {
    DocumentParser.parse(new SourceText("Warm.pq", SAMPLE), DocumentKind.AUTO);
  }

  /** Starts building the tables on a daemon thread of its own; for a process that will parse. */
  public static void start() {
    FutureTask<Void> task = new FutureTask<>(new Warm(), null);
    started = task;
    Thread thread = new Thread(task, "pqcert-warmup-parser");
    thread.setDaemon(true);
    thread.start();
  }

  /** (A class, not a lambda: linking one costs a cold JVM milliseconds on the first core.) */
  private static final class Warm implements Runnable {
    @Override
    public void run() {
      warm();
    }
  }

  /** Waits for the warm-up when one was started; returns at once otherwise. */
  public static void await() {
    FutureTask<Void> task = started;
    if (task == null) {
      return;
    }
    try {
      task.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException failed) {
      // only a head start: the parses start the classes themselves, and report what fails
    }
  }

  /** Whether a warm-up was started and has finished; for tests. */
  static boolean finished() {
    FutureTask<Void> task = started;
    return task != null && task.isDone();
  }
}
