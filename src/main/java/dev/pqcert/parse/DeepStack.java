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

  public static <T> T call(Callable<T> work) {
    if (Thread.currentThread().getName().equals(THREAD_NAME)) {
      return callHere(work);
    }
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Thread worker =
        new Thread(
            null,
            () -> {
              try {
                result.set(callHere(work));
              } catch (RuntimeException e) {
                failure.set(e);
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
    if (failure.get() != null) {
      throw failure.get();
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
