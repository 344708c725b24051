package io.rrpc.runtime;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers {@code timeout} for every exchange still open at its deadline, with one timer for all of them
 * instead of one per request.
 *
 * <p>Every request's deadline is its arrival plus the same duration, and requests are tracked on Paho's
 * callback thread in arrival order, so the tracked exchanges are in deadline order: the timer only ever
 * needs to wake for the oldest open one. A per-request {@code schedule}/{@code cancel} on the scheduler
 * cost a locked heap insert and removal per request and, whenever the scheduler's queue was empty (every
 * request of a sequential caller), a wake-up of the scheduler thread.
 *
 * <p>Answered exchanges are dropped from the head of the queue as new requests arrive, so the queue holds
 * about the requests in flight (plus those answered behind a slower one still open).
 */
final class Deadlines implements Runnable {
  private final ConcurrentLinkedQueue<Exchange> open = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean armed = new AtomicBoolean();
  private final ScheduledExecutorService scheduler;

  Deadlines(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * On Paho's callback thread (the only thread that adds or removes): tracks a new exchange, whose
   * deadline is not earlier than any tracked before it.
   */
  void track(Exchange exchange) {
    Exchange head;
    while ((head = open.peek()) != null && head.isAnswered()) {
      open.poll();
    }
    open.add(exchange);
    if (armed.compareAndSet(false, true)) {
      arm(exchange.request.deadlineNanos());
    }
  }

  /** On the scheduler: answers what has expired, then waits for the oldest exchange still open. */
  @Override
  public void run() {
    Exchange next = expireAndFindNext();
    if (next != null) {
      arm(next.request.deadlineNanos());
      return;
    }
    armed.set(false);
    // An exchange tracked while this ran may have seen the timer still armed: look once more.
    next = expireAndFindNext();
    if (next != null && armed.compareAndSet(false, true)) {
      arm(next.request.deadlineNanos());
    }
  }

  /** Times out the open exchanges whose deadline passed; returns the first one still open, if any. */
  private Exchange expireAndFindNext() {
    long now = System.nanoTime();
    // Iterates without removing: removal is the callback thread's, so that the two never race.
    for (Iterator<Exchange> it = open.iterator(); it.hasNext(); ) {
      Exchange e = it.next();
      if (e.isAnswered()) {
        continue;
      }
      if (e.request.deadlineNanos() - now > 0) {
        return e;
      }
      e.expire();
    }
    return null;
  }

  private void arm(long deadlineNanos) {
    try {
      scheduler.schedule(this, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // The device is closing; its close() answers or abandons what is still open.
    }
  }
}
