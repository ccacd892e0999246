package dev.pqcert.check;

import dev.pqcert.bundle.XmlInput;
import dev.pqcert.parse.DocumentKind;
import dev.pqcert.parse.DocumentParser;
import dev.pqcert.parse.SourceText;
import dev.pqcert.rules.RuleRegistry;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * The fixed start-up work of a check, done on a second core while the first reads the command line:
 * the parser's tables, the JDK's XML parser (project files and resources) and the rules. A cold
 * check spends about as long on these as on reading its options, and a short run is all start-up.
 *
 * <p>The check waits for the whole warm-up before any work of its own ({@link #rules()}), so the
 * two threads never initialise pqcert's classes at the same time.
 */
public final class Warmup {
  /** A connector's first lines, enough to build the parser's tables and its first predictions. */
  private static final String SAMPLE =
      "[Version = \"1.0.0\"]\nsection Warm;\n[DataSource.Kind = \"Warm\"]\n"
          + "shared Warm.Contents = (url as text) => let\n"
          + "    source = Json.Document(Web.Contents(url, [Query = [a = \"1\"]])),\n"
          + "    table = #table({\"Name\", \"Data\"}, {{\"a\", source}})\n"
          + "  in table;\n"
          + "Warm = [Authentication = [Anonymous = []], Label = \"Warm\"];\n";

  private static volatile Future<RuleRegistry> started;

  private Warmup() {}

  /** Starts the warm-up on a thread of its own; for a process that will check, once. */
  public static void start() {
    FutureTask<RuleRegistry> task =
        new FutureTask<>(
            () -> {
              XmlInput.factory();
              DocumentParser.parse(new SourceText("Warm.pq", SAMPLE), DocumentKind.AUTO);
              return RuleRegistry.builtIn();
            });
    Thread thread = new Thread(task, "pqcert-warmup");
    thread.setDaemon(true);
    started = task;
    thread.start();
  }

  /** The built-in rules: the warm-up's, once it is done, or made now when none was started. */
  public static RuleRegistry rules() {
    Future<RuleRegistry> task = started;
    if (task != null) {
      try {
        return task.get();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException failed) {
        // The warm-up is only a head start: do the work here, where a failure is reported.
      }
    }
    return RuleRegistry.builtIn();
  }
}
