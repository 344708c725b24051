package io.rrpc.runtime;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One device's handlers on a pool that may be shared with other devices: at most {@code maxRunning} of
 * its tasks run at once and at most {@code capacity} wait, on this device's own queue. A slow handler
 * therefore holds up only its own device, and a device flooded with requests is answered {@code busy}
 * from its own full queue, not at the other devices' expense.
 *
 * <p>A pool thread that finishes one of this device's tasks takes the next one waiting here before going
 * back to the pool, so the device's tasks run in arrival order when {@code maxRunning} is 1.
 *
 * <p>Thread-safe.
 */
final class HandlerLane {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");
  /** The message of the {@link RejectedExecutionException} for a full queue (the lane still runs). */
  static final String QUEUE_FULL = "queue full";

  private final Executor pool;
  private final int maxRunning;
  private final int capacity;
  // All guarded by this.
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private final Set<Thread> running = new HashSet<>();
  private int admitted;
  private boolean stopped;

  HandlerLane(Executor pool, int maxRunning, int capacity) {
    this.pool = pool;
    this.maxRunning = maxRunning;
    this.capacity = capacity;
  }

  /** @throws RejectedExecutionException when the queue is full, or the lane or its pool stopped */
  void execute(Runnable task) {
    synchronized (this) {
      if (stopped) {
        throw new RejectedExecutionException("stopped");
      }
      if (admitted >= maxRunning) {
        if (waiting.size() >= capacity) {
          throw new RejectedExecutionException(QUEUE_FULL);
        }
        waiting.add(task);
        return;
      }
      admitted++;
    }
    try {
      pool.execute(() -> runFrom(task));
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        admitted--;
      }
      throw e;
    }
  }

  private void runFrom(Runnable first) {
    Thread self = Thread.currentThread();
    Runnable task = first;
    while (task != null) {
      synchronized (this) {
        if (stopped) {
          admitted--;
          return;
        }
        running.add(self);
      }
      try {
        task.run();
      } catch (Throwable t) {
        LOG.log(Level.SEVERE, "unexpected failure running a handler", t);
      } finally {
        synchronized (this) {
          running.remove(self);
          if (running.isEmpty()) {
            notifyAll(); // wakes awaitStopped()
          }
          // stop() interrupts only under this lock and only threads in `running`: clearing here means no
          // interrupt meant for this device reaches the pool thread's next task, another device's.
          Thread.interrupted();
          task = waiting.poll();
          if (task == null) {
            admitted--;
          }
        }
      }
    }
  }

  /** {@return how many tasks are waiting} */
  synchronized int queued() {
    return waiting.size();
  }

  /** Refuses new tasks, drops the waiting ones and interrupts the running ones. */
  synchronized void stop() {
    stopped = true;
    waiting.clear();
    for (Thread t : running) {
      t.interrupt();
    }
  }

  /**
   * Waits until no handler of this lane is running, at most {@code millis}: after {@link #stop()}, the
   * interrupted handlers return and record their late results, so the device's counters are final. A
   * handler that ignores interrupts is left running.
   *
   * @return whether none is running
   */
  synchronized boolean awaitStopped(long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (!running.isEmpty()) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000L));
    }
    return true;
  }
}
