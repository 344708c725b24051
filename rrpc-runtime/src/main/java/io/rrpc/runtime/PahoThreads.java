package io.rrpc.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One device's view of the threads Paho runs its receiver, sender, callback and connect tasks on: the
 * tasks run on a pool that may be shared by many devices, and a task that dies is reported to this
 * device. Paho 1.2.5's receiver handles only {@code IOException} and {@code MqttException}: any other
 * exception (an {@code IllegalArgumentException} for a topic name holding NUL, which some brokers
 * forward) ends its task silently and leaves a connection that looks up but reads nothing until
 * keep-alive gives up, a minute or two later.
 *
 * <p>{@link #shutdownNow()} stops this device's tasks only (Paho never shuts down an executor it was
 * given, so the session does it at close); the pool itself belongs to {@link RrpcExecutors}. Paho only
 * ever executes or submits here; scheduling goes to the timer.
 *
 * <p>A task started from one of this device's running tasks is Paho's connect task starting the
 * receiver, sender or callback: {@link StartWaker} then cuts short the connect task's 100 ms poll for
 * the started one to run (see there), which otherwise costs every connect about 300 ms.
 */
final class PahoThreads extends AbstractExecutorService implements ScheduledExecutorService {
  private final ExecutorService pool;
  private final ScheduledExecutorService timer;
  private final Consumer<Throwable> onFailure;
  // Guarded by this: each of this device's threads, with a token for the task it runs now.
  private final Map<Thread, Object> running = new HashMap<>();
  private boolean shutdown;

  /** @param onFailure told, on the dying thread, of a task that ended with an exception */
  PahoThreads(ExecutorService pool, ScheduledExecutorService timer, Consumer<Throwable> onFailure) {
    this.pool = pool;
    this.timer = timer;
    this.onFailure = onFailure;
  }

  @Override
  public void execute(Runnable task) {
    Thread caller = Thread.currentThread();
    Object callerRun;
    synchronized (this) {
      if (shutdown) {
        throw new RejectedExecutionException("the device's MQTT client is closed");
      }
      callerRun = running.get(caller);
    }
    if (callerRun == null) {
      pool.execute(() -> run(task, null));
      return;
    }
    StartWaker waker = new StartWaker(this, caller, callerRun, timer);
    pool.execute(() -> run(task, waker));
    waker.watch();
  }

  /**
   * Interrupts {@code thread} if it still runs the task of {@code run}: under this lock, and {@link
   * #run} clears the flag under it when the task ends, so no such interrupt reaches a later task.
   */
  synchronized boolean interruptIfStillRunning(Thread thread, Object run) {
    if (running.get(thread) != run) {
      return false;
    }
    thread.interrupt();
    return true;
  }

  /** Whether {@code thread} still runs the task of {@code run}. */
  synchronized boolean stillRunning(Thread thread, Object run) {
    return running.get(thread) == run;
  }

  private void run(Runnable task, StartWaker startedBy) {
    Thread self = Thread.currentThread();
    synchronized (this) {
      if (shutdown) {
        return;
      }
      running.put(self, new Object());
    }
    if (startedBy != null) {
      startedBy.began(self);
    }
    Throwable failure = null;
    try {
      task.run();
    } catch (Throwable t) {
      failure = t;
    } finally {
      synchronized (this) {
        running.remove(self);
        Thread.interrupted(); // an interrupt from shutdownNow() is for this task, not the pool's next one
      }
    }
    // Paho submits its tasks, so an exception is kept in the task's future rather than thrown here.
    if (failure == null && task instanceof Future<?> && ((Future<?>) task).isDone()) {
      try {
        ((Future<?>) task).get();
      } catch (CancellationException e) {
        // Paho stopping its own task: not a failure
      } catch (ExecutionException e) {
        failure = e.getCause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure != null) {
      onFailure.accept(failure);
    }
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  /** Refuses new tasks and interrupts this device's running ones; their threads go back to the pool. */
  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    for (Thread t : running.keySet()) {
      t.interrupt();
    }
    return new ArrayList<>();
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && running.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated(); // not used by Paho 1.2.5
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return timer.schedule(command, delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return timer.schedule(callable, delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    return timer.scheduleAtFixedRate(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return timer.scheduleWithFixedDelay(command, initialDelay, delay, unit);
  }
}
