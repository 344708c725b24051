package io.rrpc.runtime;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cuts short Paho 1.2.5's wait for a thread it starts. {@code CommsReceiver}, {@code CommsSender} and
 * {@code CommsCallback} each start by submitting their loop, then poll {@code isRunning()} with {@code
 * Thread.sleep(100)}; the loop can only say it runs after the starter has let go of the lock it submitted
 * under, so the first poll nearly always fails and every connect sleeps about 300 ms before its CONNECT
 * is sent (eclipse-paho/paho.mqtt.java#945, open; no release since 1.2.5 changes it).
 *
 * <p>Once the started task has begun, this interrupts the starter while it sleeps, checking every {@value
 * #POLL_MILLIS} ms for at most {@value #MAX_POLLS} polls or {@value #MAX_INTERRUPTS} interrupts: the
 * interrupt ends its sleep, it polls again and goes on as soon as the started loop says it runs. That is safe because of what the starter is: Paho's
 * connect task, whose only timed waits after it has opened the socket are these poll loops, each of which
 * swallows the interrupt and checks its condition again. The interrupt is sent only while the starter
 * still runs that same task, and {@link PahoThreads} clears the flag when the task ends, so it never
 * reaches a later task of the pool (another device's, on shared executors).
 *
 * <p>Runs on the timer; a started task that never begins (the pool is saturated) leaves Paho's own poll
 * to find it, as without this class.
 *
 * <p>Upgrading Paho past 1.2.5 means reading {@code ClientComms$ConnectBG} again: this class is correct only
 * while the connect task's timed waits are such poll loops.
 */
final class StartWaker implements Runnable {
  static final int POLL_MILLIS = 1;
  static final int MAX_POLLS = 50;
  /** An interrupt can come before the loop reached the lock: then the starter sleeps again; try again. */
  static final int MAX_INTERRUPTS = 3;

  private final PahoThreads threads;
  private final Thread starter;
  private final Object starterRun;
  private final ScheduledExecutorService timer;
  private volatile Thread started;
  // Only the timer thread touches these, one poll after another.
  private int polls;
  private int interrupts;

  StartWaker(PahoThreads threads, Thread starter, Object starterRun, ScheduledExecutorService timer) {
    this.threads = threads;
    this.starter = starter;
    this.starterRun = starterRun;
    this.timer = timer;
  }

  /** On the started task's thread, before the task runs. */
  void began(Thread thread) {
    started = thread;
  }

  /** Starts polling; on the starter's thread, right after it submitted. */
  void watch() {
    schedule();
  }

  @Override
  public void run() {
    if (!threads.stillRunning(starter, starterRun)) {
      return; // the connect task has finished: nothing left to wake
    }
    Thread begun = started;
    // A started loop BLOCKED is still waiting for the lock; once past it, it has said it runs.
    if (begun != null && begun.getState() != Thread.State.BLOCKED
        && starter.getState() == Thread.State.TIMED_WAITING
        && threads.interruptIfStillRunning(starter, starterRun)
        && ++interrupts == MAX_INTERRUPTS) {
      return;
    }
    if (++polls < MAX_POLLS) {
      schedule();
    }
  }

  private void schedule() {
    try {
      timer.schedule(this, POLL_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // the device or its executors are closing: Paho's own poll remains
    }
  }
}
