package dev.pqcert.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The large-stack threads: results and failures reach the caller; an overflow is survivable. */
class DeepStackTest {
  @Test
  void returnsTheResultAndRunsNestedCallsInline() {
    String outer =
        DeepStack.call(
            () -> {
              String thread = Thread.currentThread().getName();
              String inner = DeepStack.call(() -> Thread.currentThread().getName());
              assertEquals(thread, inner);
              return thread;
            });
    assertEquals("pqcert-deep-stack", outer);
  }

  @Test
  void rethrowsFailuresOnTheCallersThread() {
    IllegalArgumentException thrown = new IllegalArgumentException("boom");
    assertSame(
        thrown,
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DeepStack.call(
                    () -> {
                      throw thrown;
                    })));
    assertThrows(
        AssertionError.class,
        () ->
            DeepStack.call(
                () -> {
                  throw new AssertionError("an error, not an exception");
                }));
  }

  @Test
  void anOverflowBecomesTooDeepAndLaterCallsStillWork() {
    assertOverflowIsTooDeep();
    for (int i = 0; i < 3; i++) {
      assertEquals(42, DeepStack.call(() -> 42));
    }
  }

  @Test
  void aPoolRunsCallsOnItsOwnLargeStackThreads() throws Exception {
    ExecutorService pool = DeepStack.pool(1);
    try {
      String[] threads =
          pool.submit(
                  () ->
                      new String[] {
                        Thread.currentThread().getName(),
                        DeepStack.call(() -> Thread.currentThread().getName())
                      })
              .get();
      assertEquals("pqcert-deep-stack", threads[0]);
      assertEquals(threads[0], threads[1]);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPoolReplacesAThreadWhoseStackOverflowed() throws Exception {
    ExecutorService pool = DeepStack.pool(1);
    try {
      Thread first = pool.submit(Thread::currentThread).get();
      Thread overflowed =
          pool.submit(
                  () -> {
                    assertOverflowIsTooDeep();
                    return Thread.currentThread();
                  })
              .get();
      assertSame(first, overflowed, "the overflow is caught where it happened");
      Thread next = pool.submit(Thread::currentThread).get();
      assertNotEquals(overflowed, next, "that thread retired after its task");
      assertSame(next, pool.submit(Thread::currentThread).get(), "and its successor stays");
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A call whose stack overflows: thrown rather than provoked (filling 1 GB would take seconds).
   */
  private static void assertOverflowIsTooDeep() {
    assertThrows(
        DeepStack.TooDeepException.class,
        () ->
            DeepStack.call(
                () -> {
                  throw new StackOverflowError();
                }));
  }

  @Test
  void concurrentCallersEachGetTheirOwnResult() throws InterruptedException {
    int callers = 4;
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] threads = new Thread[callers];
    for (int i = 0; i < callers; i++) {
      int id = i;
      threads[i] =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int n = 0; n < 50; n++) {
                    int expected = id * 1000 + n;
                    int got = DeepStack.call(() -> expected);
                    assertEquals(expected, got);
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              });
      threads[i].start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }
}
