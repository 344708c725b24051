package io.rrpc.reliability;

import io.rrpc.testkit.HubSimulator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Steady load: {@code echo <tag>-<i>} calls issued one per period through the hub simulator, each
 * tracked in a ledger with its only correct reply. A hook runs after each call is issued, so a test can
 * inject a fault at a precise point of the stream.
 */
final class PacedCalls {
  private PacedCalls() {}

  /** Issues {@code count} calls, returning once all are issued (not answered). */
  static void run(HubSimulator hub, String deviceName, CallLedger ledger, String tag, int count,
      long periodMicros, IntConsumer afterEach) throws InterruptedException {
    CountDownLatch issued = new CountDownLatch(1);
    AtomicInteger next = new AtomicInteger();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "paced-calls-" + tag);
      t.setDaemon(true);
      return t;
    });
    try {
      ScheduledFuture<?> task = timer.scheduleAtFixedRate(() -> {
        int i = next.getAndIncrement();
        if (i >= count) {
          issued.countDown();
          return;
        }
        String text = tag + "-" + i;
        ledger.track(hub.publishRrpcAsync(DeviceUnderTest.PRODUCT, deviceName, "echo " + text), text);
        afterEach.accept(i);
        if (i == count - 1) {
          issued.countDown();
        }
      }, 0, periodMicros, TimeUnit.MICROSECONDS);
      if (!issued.await(5 + count * periodMicros / 100_000, TimeUnit.SECONDS)) {
        throw new AssertionError("could not issue " + count + " calls");
      }
      task.cancel(false);
    } finally {
      timer.shutdownNow();
      timer.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
