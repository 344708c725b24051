package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When the device connects again: attempts count up while connections stay short, and start over
 * after a stable one.
 */
class ReconnectorTest {
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final BlockingQueue<Integer> attempts = new LinkedBlockingQueue<>();
  private final ConnectionEvents events = new ConnectionEvents(new RrpcConnectionListener() {
    @Override
    public void reconnecting(int attempt, long delayMillis) {
      attempts.add(attempt);
    }
  }, scheduler);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private int nextAttempt() throws InterruptedException {
    Integer a = attempts.poll(10, TimeUnit.SECONDS);
    assertNotNull(a, "a reconnecting event");
    return a;
  }

  @Test
  void connectionsLostSoonAfterConnectingKeepCountingAttempts() throws Exception {
    Reconnector r = new Reconnector(new Backoff(1, 4), scheduler, events, () -> {}, "c", "tcp://b", 60_000);
    for (int i = 1; i <= 4; i++) {
      r.subscribed();
      r.connectionLost();
      assertEquals(i, nextAttempt());
    }
  }

  @Test
  void aStableConnectionStartsTheAttemptsOver() throws Exception {
    Reconnector r = new Reconnector(new Backoff(1, 4), scheduler, events, () -> {}, "c", "tcp://b", 0);
    r.attemptFailed();
    r.attemptFailed();
    assertEquals(1, nextAttempt());
    assertEquals(2, nextAttempt());

    r.subscribed();
    r.connectionLost(); // up for at least 0 ms: stable

    assertEquals(1, nextAttempt());
  }
}
