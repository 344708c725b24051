package io.rrpc.runtime;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The threads Paho runs its receiver, sender, callback and connect tasks on, so that a task that dies
 * is noticed. Paho 1.2.5's receiver handles only {@code IOException} and {@code MqttException}: any
 * other exception (an {@code IllegalArgumentException} for a topic name holding NUL, which some brokers
 * forward) ends its thread silently and leaves a connection that looks up but reads nothing until
 * keep-alive gives up, a minute or two later.
 *
 * <p>Up to {@value #THREADS} threads, created on demand and ended after {@value #IDLE_SECONDS} s idle:
 * one connection keeps four busy at most (receiver, sender, callback, and a connect task briefly).
 */
final class PahoThreads extends ScheduledThreadPoolExecutor {
  private static final int THREADS = 6;
  private static final long IDLE_SECONDS = 10;

  private final Consumer<Throwable> onFailure;

  /** @param onFailure told, on the dying thread, of a task that ended with an exception */
  PahoThreads(String name, Consumer<Throwable> onFailure) {
    super(THREADS, new NamedThreads(name));
    this.onFailure = onFailure;
    setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
    allowCoreThreadTimeOut(true);
  }

  @Override
  protected void afterExecute(Runnable task, Throwable thrown) {
    super.afterExecute(task, thrown);
    Throwable failure = thrown;
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
}
