package io.rrpc.runtime;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * When to connect again after a loss: exponential backoff from the configured minimum to its cap, and
 * detection of a session takeover loop.
 *
 * <p>The backoff starts over only once a connection has stayed up for {@value #STABLE_MILLIS} ms. A
 * connection lost sooner than that counts as a short one, and the delays keep doubling. That is what
 * breaks the loop two processes with one device identity fall into: the broker allows one session per
 * clientId, so each connect takes the session from the other, which reconnects at once and takes it
 * back, about once a second forever. After {@value #SHORT_CONNECTIONS_WARNED} short connections in a
 * row the cause is named in one WARNING (once per run of short connections).
 *
 * <p>Thread-safe: called from Paho's callback thread and the scheduler, never blocking either.
 */
final class Reconnector {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");
  /** A connection that lasts this long is a healthy one: the next loss starts the backoff over. */
  static final long STABLE_MILLIS = 10_000;
  /** Short connections in a row that point to another client with the same identity. */
  static final int SHORT_CONNECTIONS_WARNED = 3;

  private final Backoff backoff;
  private final ScheduledExecutorService scheduler;
  private final ConnectionEvents events;
  private final Runnable connect;
  private final String clientId;
  private final String brokerUri;
  private final long maxDelayMillis;
  private final long stableNanos;
  // Guarded by this; touched a few times per connection, never per request.
  private long subscribedAtNanos;
  private boolean up;
  private int shortConnections;
  private int attempts;

  /** @param connect one connection attempt, run on the scheduler */
  Reconnector(Backoff backoff, ScheduledExecutorService scheduler, ConnectionEvents events, Runnable connect,
      String clientId, String brokerUri) {
    this(backoff, scheduler, events, connect, clientId, brokerUri, STABLE_MILLIS);
  }

  /** @param stableMillis how long a connection must last to start the backoff over */
  Reconnector(Backoff backoff, ScheduledExecutorService scheduler, ConnectionEvents events, Runnable connect,
      String clientId, String brokerUri, long stableMillis) {
    this.backoff = backoff;
    this.scheduler = scheduler;
    this.events = events;
    this.connect = connect;
    this.clientId = clientId;
    this.brokerUri = brokerUri;
    this.maxDelayMillis = backoff.maxMillis();
    this.stableNanos = TimeUnit.MILLISECONDS.toNanos(stableMillis);
  }

  /** The request subscription is in place: the connection counts as up from now. */
  synchronized void subscribed() {
    up = true;
    subscribedAtNanos = System.nanoTime();
  }

  /** An established connection was lost: schedule the next attempt, backing off if it was short-lived. */
  void connectionLost() {
    boolean warn = false;
    int shortRun;
    synchronized (this) {
      boolean wasUp = up;
      up = false;
      if (wasUp && System.nanoTime() - subscribedAtNanos >= stableNanos) {
        shortConnections = 0;
        attempts = 0;
        backoff.reset();
      } else {
        shortConnections++;
        warn = shortConnections == SHORT_CONNECTIONS_WARNED;
      }
      shortRun = shortConnections;
    }
    if (warn) {
      LOG.warning("the connection to " + brokerUri + " was lost within " + stableNanos / 1_000_000 + " ms of"
          + " connecting " + shortRun + " times in a row: another client is probably connected with the"
          + " same device identity (clientId " + clientId + "), and the broker drops one of the two at"
          + " every connect. Run one process per device identity. Reconnect delays now double up to "
          + maxDelayMillis + " ms");
    }
    scheduleAttempt();
  }

  /** An attempt failed before the subscription was in place: try again later. */
  void attemptFailed() {
    scheduleAttempt();
  }

  private void scheduleAttempt() {
    long delay = backoff.nextDelayMillis();
    int attempt;
    synchronized (this) {
      attempt = ++attempts;
    }
    events.reconnecting(attempt, delay);
    try {
      scheduler.schedule(connect, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // The device is closing.
    }
  }
}
