package io.rrpc.runtime.it;

import io.rrpc.runtime.RrpcConnectionListener;
import io.rrpc.runtime.RrpcStartException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A connection listener that records each event as one line ({@code "connected tcp://…"}, {@code
 * "reconnecting 2"}, …) with the thread it came on, so that a test waits for events instead of log text.
 */
final class RecordedConnectionEvents implements RrpcConnectionListener {
  /** One event as delivered. */
  static final class Event {
    final String text;
    final String thread;
    final Object detail;

    Event(String text, Object detail) {
      this.text = text;
      this.thread = Thread.currentThread().getName();
      this.detail = detail;
    }

    @Override
    public String toString() {
      return text + " on " + thread;
    }
  }

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

  @Override
  public void connected(String brokerUri) {
    events.add(new Event("connected " + brokerUri, null));
  }

  @Override
  public void subscribed(String topicFilter) {
    events.add(new Event("subscribed " + topicFilter, null));
  }

  @Override
  public void disconnected(Throwable cause) {
    events.add(new Event("disconnected", cause));
  }

  @Override
  public void reconnecting(int attempt, long delayMillis) {
    events.add(new Event("reconnecting " + attempt, delayMillis));
  }

  @Override
  public void startFailed(RrpcStartException failure) {
    events.add(new Event("startFailed", failure));
  }

  /** The next event, waiting up to 10 s for it; fails the test when none comes. */
  Event next() throws InterruptedException {
    Event e = events.poll(10, TimeUnit.SECONDS);
    if (e == null) {
      throw new AssertionError("no connection event within 10 s");
    }
    return e;
  }

  /**
   * The next event whose text starts with {@code prefix}, skipping others; fails the test when none
   * comes within 10 s, however many other events come meanwhile (a device that keeps reconnecting
   * without success reports {@code reconnecting} again and again).
   */
  Event nextStartingWith(String prefix) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    StringBuilder skipped = new StringBuilder();
    while (true) {
      Event e = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no \"" + prefix + "\" event within 10 s; skipped:" + skipped);
      }
      if (e.text.startsWith(prefix)) {
        return e;
      }
      if (skipped.length() < 2000) {
        skipped.append("\n  ").append(e);
      }
    }
  }
}
