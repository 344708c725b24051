package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Paho 1.2.5's way of starting its receiver, sender and callback, on the device's {@link PahoThreads}:
 * the connect task submits a loop under a lock, then polls with a sleep until the loop says it runs.
 * Here the poll sleeps a minute instead of Paho's 100 ms, so a starter that is not woken cannot finish
 * within the test's wait.
 */
class StartWakerTest {
  private static final long PAHO_LIKE_POLL_MILLIS = 60_000;

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final PahoThreads threads = new PahoThreads(pool, timer, failure -> { });

  @AfterEach
  void stop() {
    threads.shutdownNow();
    pool.shutdownNow();
    timer.shutdownNow();
  }

  /** One of Paho's Comms* parts: {@code start} as Paho 1.2.5 writes it, with a longer poll. */
  private static final class PahoLikeLoop implements Runnable {
    private final Object lifecycle = new Object();
    private boolean running;
    final CountDownLatch stop = new CountDownLatch(1);

    void start(ExecutorService executor) {
      synchronized (lifecycle) {
        executor.submit(this);
      }
      while (!isRunning()) {
        try {
          Thread.sleep(PAHO_LIKE_POLL_MILLIS);
        } catch (Exception e) {
          // as Paho: swallowed, poll again
        }
      }
    }

    boolean isRunning() {
      synchronized (lifecycle) {
        return running;
      }
    }

    @Override
    public void run() {
      synchronized (lifecycle) {
        running = true;
      }
      try {
        stop.await();
      } catch (InterruptedException e) {
        // stopped
      }
    }
  }

  @Test
  void aConnectTaskStartingPahosThreeLoopsIsWokenForEachInsteadOfSleepingItsPoll() throws Exception {
    PahoLikeLoop receiver = new PahoLikeLoop();
    PahoLikeLoop sender = new PahoLikeLoop();
    PahoLikeLoop callback = new PahoLikeLoop();
    CountDownLatch connectTask = new CountDownLatch(1);
    threads.execute(() -> {
      receiver.start(threads);
      sender.start(threads);
      callback.start(threads);
      connectTask.countDown();
    });

    // Without the waker the first poll alone sleeps a minute.
    assertTrue(connectTask.await(20, TimeUnit.SECONDS), "the connect task was woken for each loop");
    assertTrue(receiver.isRunning() && sender.isRunning() && callback.isRunning());
    receiver.stop.countDown();
    sender.stop.countDown();
    callback.stop.countDown();
  }

  @Test
  void noWakingInterruptReachesTheNextTaskOnTheSameThread() throws Exception {
    // Two threads: the connect task's, then the loop's. The task after the connect task can only run on
    // the connect task's thread, the one the waker interrupted.
    ExecutorService two = Executors.newFixedThreadPool(2);
    PahoThreads device = new PahoThreads(two, timer, failure -> { });
    PahoLikeLoop receiver = new PahoLikeLoop();
    try {
      CompletableFuture<Thread> connectThread = new CompletableFuture<>();
      device.execute(() -> {
        receiver.start(device);
        // The task ends with the waker's interrupt still set: a timed park that, unlike a sleep, does not
        // clear the flag (Paho's task could get one between its last poll and its end).
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < end) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        connectThread.complete(Thread.currentThread());
      });
      Thread connecting = connectThread.get(20, TimeUnit.SECONDS);
      for (int i = 0; i < 3; i++) {
        CompletableFuture<Boolean> next = new CompletableFuture<>();
        device.execute(() -> next.complete(Thread.currentThread() == connecting
            ? Thread.currentThread().isInterrupted() : null));
        assertEquals(Boolean.FALSE, next.get(20, TimeUnit.SECONDS),
            "the next task ran on the connect task's thread, with no interrupt");
      }
    } finally {
      receiver.stop.countDown();
      device.shutdownNow();
      two.shutdownNow();
    }
  }
}
