package io.rrpc.runtime;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reconnect delays: doubling from the minimum to the maximum, each drawn from the upper half of its
 * range so that many devices dropped by one broker restart do not come back in lockstep.
 */
final class Backoff {
  private final long minMillis;
  private final long maxMillis;
  private final AtomicInteger attempts = new AtomicInteger();

  Backoff(long minMillis, long maxMillis) {
    this.minMillis = minMillis;
    this.maxMillis = maxMillis;
  }

  long nextDelayMillis() {
    int attempt = Math.min(attempts.getAndIncrement(), 30);
    long delay = Math.min(maxMillis, minMillis << attempt);
    if (delay <= 1) {
      return delay;
    }
    return delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
  }

  long maxMillis() {
    return maxMillis;
  }

  void reset() {
    attempts.set(0);
  }
}
