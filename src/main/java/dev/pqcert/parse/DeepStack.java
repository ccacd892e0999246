package dev.pqcert.parse;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs work on a thread with a large stack, so recursive descent over deeply nested M (parsing,
 * building the tree, walking it) does not overflow the default 1 MB stack. Nested calls run inline.
 *
 * <p>The large-stack threads are kept for a few seconds after use and reused: creating a thread
 * with a 1 GB stack reservation costs about a millisecond, more than parsing a typical connector
 * file. A thread whose stack overflowed is retired, so the stack pages the overflow touched are
 * given back to the operating system.
 */
public final class DeepStack {
  /** Reserved, not committed: the OS maps stack pages only as deep recursion touches them. */
  private static final long STACK_BYTES = 1L << 30;

  private static final String THREAD_NAME = "pqcert-deep-stack";

  /** How long an idle large-stack thread waits for more work before it ends. */
  private static final long KEEP_ALIVE_SECONDS = 10;

  private static final ThreadPoolExecutor WORKERS =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          KEEP_ALIVE_SECONDS,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          new DeepThreadFactory());

  /** Set on a thread whose stack overflowed, for its pool to retire it after the task. */
  private static final ThreadLocal<Boolean> OVERFLOWED = new ThreadLocal<>();

  private DeepStack() {}

  /**
   * A pool of large-stack threads for a batch of work (a run of {@code parse}): work submitted to
   * it runs {@link #call} inline, without a hand-off to another thread per item. A thread whose
   * stack overflowed is replaced after its task, as this class's own threads are.
   */
  public static ExecutorService pool(int threads) {
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        new DeepThreadFactory()) {
      @Override
      protected void afterExecute(Runnable task, Throwable thrown) {
        if (Boolean.TRUE.equals(OVERFLOWED.get())) {
          OVERFLOWED.remove();
          throw new RetireWorker(); // ends this thread; the pool starts another
        }
      }
    };
  }

  /** Thrown when even the large stack overflowed; callers turn it into a located finding. */
  public static final class TooDeepException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooDeepException(StackOverflowError cause) {
      super("nested too deeply", cause);
    }
  }

  /** Thrown when the input did not fit in memory; callers turn it into a clear error. */
  public static final class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLargeException(OutOfMemoryError cause) {
      super("too large to analyse in the available memory", cause);
    }
  }

  public static <T> T call(Callable<T> work) {
    if (Thread.currentThread().getName().equals(THREAD_NAME)) {
      return callHere(work);
    }
    Job<T> job = new Job<>(work);
    WORKERS.execute(job);
    try {
      job.done.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", interrupted);
    }
    Throwable thrown = job.failure;
    if (thrown instanceof OutOfMemoryError) {
      throw new TooLargeException((OutOfMemoryError) thrown);
    }
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    return job.result;
  }

  private static <T> T callHere(Callable<T> work) {
    try {
      return work.call();
    } catch (StackOverflowError tooDeep) {
      OVERFLOWED.set(true);
      throw new TooDeepException(tooDeep);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception checked) {
      throw new IllegalStateException(checked);
    }
  }

  /** One call run on a worker; the caller waits for {@link #done}. */
  private static final class Job<T> implements Runnable {
    private final Callable<T> work;
    private final CountDownLatch done = new CountDownLatch(1);
    // Written by the worker before done.countDown(), read by the caller after await().
    private T result;
    private Throwable failure;

    Job(Callable<T> work) {
      this.work = work;
    }

    @Override
    public void run() {
      boolean overflowed = false;
      try {
        result = callHere(work);
      } catch (TooDeepException tooDeep) {
        failure = tooDeep;
        overflowed = true;
      } catch (RuntimeException | Error e) {
        failure = e; // rethrown on the caller's thread, never lost
      } finally {
        done.countDown();
      }
      // Also when a nested call overflowed and its caller turned that into a result.
      if (overflowed || Boolean.TRUE.equals(OVERFLOWED.get())) {
        OVERFLOWED.remove();
        throw new RetireWorker(); // ends this worker thread; the pool starts a new one when needed
      }
    }
  }

  /** Ends a worker thread whose stack overflowed (its touched stack pages are then released). */
  private static final class RetireWorker extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RetireWorker() {
      super("retired after a stack overflow", null, false, false);
    }
  }

  private static final class DeepThreadFactory implements ThreadFactory {
    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(null, runnable, THREAD_NAME, STACK_BYTES);
      thread.setDaemon(true);
      thread.setUncaughtExceptionHandler(new QuietRetirement());
      return thread;
    }
  }

  /** Ends a retired worker silently; anything else gets the JVM's default report. */
  private static final class QuietRetirement implements Thread.UncaughtExceptionHandler {
    @Override
    public void uncaughtException(Thread thread, Throwable e) {
      if (!(e instanceof RetireWorker)) {
        thread.getThreadGroup().uncaughtException(thread, e);
      }
    }
  }
}
