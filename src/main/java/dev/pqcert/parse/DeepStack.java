package dev.pqcert.parse;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs work on a thread with a large stack, so recursive descent over deeply nested M (parsing,
 * building the tree, walking it) does not overflow the default 1 MB stack. Nested calls run inline.
 */
public final class DeepStack {
  /** Reserved, not committed: the OS maps stack pages only as deep recursion touches them. */
  private static final long STACK_BYTES = 1L << 30;

  private static final String THREAD_NAME = "pqcert-deep-stack";

  private DeepStack() {}

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
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread worker =
        new Thread(
            null,
            () -> {
              try {
                result.set(callHere(work));
              } catch (RuntimeException | Error e) {
                failure.set(e); // rethrown on the caller's thread, never lost
              }
            },
            THREAD_NAME,
            STACK_BYTES);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", interrupted);
    }
    Throwable thrown = failure.get();
    if (thrown instanceof OutOfMemoryError) {
      throw new TooLargeException((OutOfMemoryError) thrown);
    }
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    return result.get();
  }

  private static <T> T callHere(Callable<T> work) {
    try {
      return work.call();
    } catch (StackOverflowError tooDeep) {
      throw new TooDeepException(tooDeep);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception checked) {
      throw new IllegalStateException(checked);
    }
  }
}
