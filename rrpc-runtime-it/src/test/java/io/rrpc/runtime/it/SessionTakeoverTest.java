package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.annotations.RrpcCommand;
import io.rrpc.runtime.RrpcConnectionListener;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.MosquittoBroker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two processes with one device identity: the broker allows one session per clientId, so each connect
 * takes the session from the other. The devices must back off exponentially to the cap instead of
 * taking it back about once a second forever, and say why in one WARNING each.
 */
class SessionTakeoverTest {
  private static final String PRODUCT = "TWINS00001";
  private static final String DEVICE = "heater1";
  private static final long MIN_MILLIS = 20;
  private static final long MAX_MILLIS = 320;
  /** Attempts until the delay is at the cap: 20, 40, 80, 160, 320 ms. */
  private static final int ATTEMPTS_TO_CAP = 5;

  /** One command, so that the devices have something to serve. */
  public static final class HeaterCommands {
    @RrpcCommand("on")
    public String on() {
      return "ok";
    }
  }

  /** Reconnect delays of one device; counts down a shared latch at the attempt after the cap. */
  static final class Delays implements RrpcConnectionListener {
    final List<Long> byAttempt = new CopyOnWriteArrayList<>();
    final CountDownLatch pastTheCap;
    volatile boolean capped;

    Delays(CountDownLatch pastTheCap) {
      this.pastTheCap = pastTheCap;
    }

    @Override
    public void reconnecting(int attempt, long delayMillis) {
      byAttempt.add(delayMillis);
      if (attempt > ATTEMPTS_TO_CAP) {
        capped = true;
        pastTheCap.countDown();
      }
    }
  }

  @Test
  void repeatedTakeoversBackOffExponentiallyToTheCapWithOneWarningEach() throws Exception {
    Logger runtimeLog = Logger.getLogger("io.rrpc.runtime");
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel() == Level.WARNING && record.getMessage().contains("same device identity")) {
          warnings.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    runtimeLog.addHandler(capture);
    CountDownLatch pastTheCap = new CountDownLatch(1);
    Delays first = new Delays(pastTheCap);
    Delays second = new Delays(pastTheCap);
    try (MosquittoBroker broker = MosquittoBroker.startOrSkip();
        HubSimulator hub = HubSimulator.connect(broker);
        RrpcDevice a = twin(hub, first);
        RrpcDevice b = twin(hub, second)) {
      a.start();
      b.start(); // takes the session from a, which takes it back, and so on

      assertTrue(pastTheCap.await(30, TimeUnit.SECONDS),
          "one of the twins reached the backoff cap: " + first.byAttempt + " / " + second.byAttempt);
      Delays capped = first.capped ? first : second;
      for (int attempt = 1; attempt <= ATTEMPTS_TO_CAP + 1; attempt++) {
        long ceiling = Math.min(MAX_MILLIS, MIN_MILLIS << (attempt - 1));
        long delay = capped.byAttempt.get(attempt - 1);
        assertTrue(delay >= ceiling / 2 && delay <= ceiling,
            "attempt " + attempt + " waits " + ceiling / 2 + ".." + ceiling + " ms: " + capped.byAttempt);
      }
    } finally {
      runtimeLog.removeHandler(capture);
    }
    assertEquals(2, warnings.size(), "one warning per twin: " + warnings.stream()
        .map(LogRecord::getMessage).collect(Collectors.toList()));
    assertTrue(warnings.get(0).getMessage().contains("clientId " + PRODUCT + DEVICE), warnings.get(0).getMessage());
  }

  private static RrpcDevice twin(HubSimulator hub, Delays delays) {
    return hub.deviceBuilder(PRODUCT, DEVICE)
        .dispatcher(new SessionTakeoverTest_HeaterCommands_RrpcDispatcher(new HeaterCommands()))
        .reconnectBackoff(MIN_MILLIS, MAX_MILLIS, TimeUnit.MILLISECONDS)
        .connectionListener(delays)
        .build();
  }
}
