package dev.pqcert.check;

import dev.pqcert.bundle.Bundle;
import dev.pqcert.bundle.BundleReader;
import dev.pqcert.bundle.InputException;
import dev.pqcert.bundle.XmlInput;
import dev.pqcert.model.ConnectorModel;
import dev.pqcert.model.ConnectorModelBuilder;
import dev.pqcert.parse.DeepStack;
import dev.pqcert.parse.ParserWarmup;
import dev.pqcert.rules.RuleRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The start-up work of a check, done on the other cores while the first reads the command line: the
 * first target's model when the command line names one, the parser's tables and the JDK's XML
 * parser (project files and resources) beside it, and the rules. A cold check spends about as long
 * reading its options as on these, and a short run is all start-up.
 *
 * <p>The target is guessed from the raw arguments, before the command line is parsed. A model read
 * ahead is used only for the path the check then names ({@link #modelReadAhead}); a wrong guess
 * costs the other cores some work and changes nothing else, and a target that cannot be read is
 * read again by the check, which reports why.
 *
 * <p>Two threads starting the same classes can deadlock (a class whose static initialiser makes an
 * instance of a subclass, while another thread starts that subclass). Rather than rely on no class
 * doing so, the tables thread alone starts the parser's classes, the other touches only files and
 * project files until the tables are built, and the check waits for the whole warm-up ({@link
 * #rules()}) before any work of its own. The tables thread then makes the rules while the other
 * builds the model: making a rule starts no class of the model.
 */
public final class Warmup {
  /** A target's model, built before the check asked for it; by the target's path as given. */
  private record ReadAhead(String path, ConnectorModel model) {}

  private static volatile Future<RuleRegistry> started;
  private static final AtomicReference<ReadAhead> readAhead = new AtomicReference<>();

  private Warmup() {}

  /**
   * Starts the warm-up on threads of its own; for a process that will check, once.
   *
   * @param path the path the command line seems to name first, to read ahead
   */
  public static void start(Optional<Path> path) {
    // The parser's tables and the XML parser on a thread of their own, then the rules: the
    // target's files are found and read meanwhile, and parsed once the tables are built.
    FutureTask<Void> tables =
        new FutureTask<>(
            () -> {
              XmlInput.factory();
              ParserWarmup.warm();
              return null;
            });
    FutureTask<RuleRegistry> rules = new FutureTask<>(RuleRegistry::builtIn);
    FutureTask<RuleRegistry> task =
        new FutureTask<>(
            () -> {
              path.flatMap(p -> read(p, tables)).ifPresent(readAhead::set);
              return rules.get();
            });
    started = task;
    daemon(
        () -> {
          tables.run();
          rules.run();
        },
        "pqcert-warmup-tables");
    daemon(task, "pqcert-warmup");
  }

  private static void daemon(Runnable work, String name) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The model of the first connector a path stands for, as a check would build it; empty when it
   * cannot be read or built, for the check to do again and report.
   */
  private static Optional<ReadAhead> read(Path path, Future<Void> tables) {
    try {
      Optional<Targets.Target> first =
          Targets.split(List.of(path)).targets().stream()
              .filter(target -> target.problem().isEmpty())
              .findFirst();
      if (first.isEmpty()) {
        return Optional.empty();
      }
      Path target = first.get().path();
      Bundle bundle = new BundleReader().read(target);
      tables.get();
      ConnectorModel model = DeepStack.call(() -> ConnectorModelBuilder.build(bundle));
      return Optional.of(new ReadAhead(target.toString(), model));
    } catch (InputException | ExecutionException | RuntimeException unreadable) {
      return Optional.empty(); // the check reads it again and says why
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
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

  /** Whether the warm-up holds a model for this path that no check has taken yet; for tests. */
  static boolean holdsModel(String path) {
    ReadAhead ahead = readAhead.get();
    return ahead != null && ahead.path().equals(path);
  }

  /**
   * The model the warm-up built for this target (by its path as given), once; empty for any other
   * target, or when none was read ahead. Call after {@link #rules()}.
   */
  static Optional<ConnectorModel> modelReadAhead(String path) {
    ReadAhead ahead = readAhead.get();
    if (ahead == null || !ahead.path().equals(path) || !readAhead.compareAndSet(ahead, null)) {
      return Optional.empty();
    }
    return Optional.of(ahead.model());
  }
}
