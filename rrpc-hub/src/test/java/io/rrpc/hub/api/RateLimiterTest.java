package io.rrpc.hub.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves. */
class RateLimiterTest {
  private final AtomicLong now = new AtomicLong();

  @Test
  void aBurstOfTheRatePassesThenTheNextWaitsItsShareOfASecond() {
    RateLimiter limiter = new RateLimiter(20, now::get);
    for (int i = 0; i < 20; i++) {
      assertTrue(limiter.tryAcquire(), "call " + i);
    }
    assertFalse(limiter.tryAcquire());
    now.addAndGet(49_000_000L); // not yet 1/20 s
    assertFalse(limiter.tryAcquire());
    now.addAndGet(1_000_000L);
    assertTrue(limiter.tryAcquire());
    assertFalse(limiter.tryAcquire());
  }

  @Test
  void anIdleSecondRefillsNoMoreThanOneSecondsWorth() {
    RateLimiter limiter = new RateLimiter(2, now::get);
    now.addAndGet(60_000_000_000L);
    assertTrue(limiter.tryAcquire());
    assertTrue(limiter.tryAcquire());
    assertFalse(limiter.tryAcquire());
  }

  @Test
  void zeroMeansNoLimit() {
    RateLimiter limiter = new RateLimiter(0, now::get);
    for (int i = 0; i < 10_000; i++) {
      assertTrue(limiter.tryAcquire());
    }
  }
}
