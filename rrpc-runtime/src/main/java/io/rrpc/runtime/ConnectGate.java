package io.rrpc.runtime;

import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds how many devices of one {@link RrpcExecutors} are connecting at once. A device past the bound
 * waits in arrival order: a start blocks its caller, a reconnect is queued without holding a thread and
 * runs when a permit comes back. That turns a broker restart under a thousand devices into a steady
 * stream of connects instead of a thousand at once.
 *
 * <p>Thread-safe; the lock is held only to count and queue, never while an attempt runs.
 */
final class ConnectGate {
  private final int limit;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int inUse; // guarded by this

  ConnectGate(int limit) {
    this.limit = limit;
  }

  int limit() {
    return limit;
  }

  /**
   * Runs {@code admitted} with a permit: at once on this thread if one is free, else later on the thread
   * that gives one back. {@code admitted} must not block, and must lead to {@link Permit#release()}.
   */
  void enter(java.util.function.Consumer<Permit> admitted) {
    synchronized (this) {
      if (inUse >= limit) {
        waiting.add(() -> admitted.accept(new Permit()));
        return;
      }
      inUse++;
    }
    admitted.accept(new Permit());
  }

  /** Waits (uninterruptibly: a start in progress is finished) until a permit is free, and takes it. */
  Permit await() {
    CountDownLatch free = new CountDownLatch(1);
    Permit[] taken = new Permit[1];
    enter(p -> {
      taken[0] = p;
      free.countDown();
    });
    boolean interrupted = false;
    while (true) {
      try {
        free.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return taken[0];
  }

  private void leave() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        inUse--;
        return;
      }
    }
    next.run(); // the permit passes straight to the next in line
  }

  /** One connect's right to proceed; released once, however many paths end the attempt. */
  final class Permit {
    private final AtomicBoolean held = new AtomicBoolean(true);

    void release() {
      if (held.compareAndSet(true, false)) {
        leave();
      }
    }
  }
}
