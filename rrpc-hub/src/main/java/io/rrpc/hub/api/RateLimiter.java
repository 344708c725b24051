package io.rrpc.hub.api;

import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} permits in any second, as a token bucket that refills continuously and holds
 * at most one second's worth (so a burst of {@code perSecond} calls passes, the next waits its turn).
 * Zero means unlimited. Thread-safe.
 */
public final class RateLimiter {
  private final int perSecond;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  /**
   * A limiter on the system's nano clock.
   *
   * @param perSecond the permits per second, 0 for no limit
   * @throws IllegalArgumentException when {@code perSecond} is negative
   */
  public RateLimiter(int perSecond) {
    this(perSecond, System::nanoTime);
  }

  RateLimiter(int perSecond, LongSupplier nanoTime) {
    if (perSecond < 0) {
      throw new IllegalArgumentException("the rate must not be negative, was: " + perSecond);
    }
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
    this.tokens = perSecond;
    this.last = nanoTime.getAsLong();
  }

  /**
   * Takes a permit, or says no when this second's are used up.
   *
   * @return true when a permit was taken
   */
  public synchronized boolean tryAcquire() {
    if (perSecond == 0) {
      return true;
    }
    long now = nanoTime.getAsLong();
    tokens = Math.min(perSecond, tokens + (now - last) * perSecond / 1e9);
    last = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** The limit, 0 for none. */
  int perSecond() {
    return perSecond;
  }
}
