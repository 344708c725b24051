package io.rrpc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.RrpcMetrics;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.MosquittoBroker;
import io.rrpc.testkit.junit5.RrpcHubExtension;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Floods and slow handlers: the device's bounds hold, every request gets exactly one reply. */
class LoadTest {
  @RegisterExtension
  static final RrpcHubExtension HUB = RrpcHubExtension.embedded();

  @Test
  void aBurstAtAOneWorkerDeviceGetsExactlyOneReplyPerRequestWithinBoundedMemory() throws Exception {
    int burst = Scale.of(10_000, 50_000);
    int queue = 16;
    ScenarioRow row = new ScenarioRow("burst of " + burst + " requests at 1 worker, queue " + queue
        + " (handler ~1 ms)", "Mosquitto 2.0 (process)");
    CallLedger after = new CallLedger();
    AtomicInteger maxQueued = new AtomicInteger();
    long heapBefore;
    long heapAfter;
    long strays;
    try (MosquittoBroker mosquitto = MosquittoBroker.startOrSkip();
        // The hub waits a minute: what is measured is the device's answer, not how fast a burst crosses the broker.
        HubSimulator hub = HubSimulator.builder().broker(mosquitto).rrpcTimeout(Duration.ofSeconds(60)).connect();
        DeviceUnderTest dut = DeviceUnderTest.start(hub, mosquitto, b -> b.workers(1).queueCapacity(queue))) {
      heapBefore = Resources.heapAfterGcMiB();
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
      try {
        sampler.scheduleAtFixedRate(() -> maxQueued.accumulateAndGet(dut.device.metrics().queued(), Math::max),
            0, 1, TimeUnit.MILLISECONDS);
        for (int i = 0; i < burst; i++) {
          String text = "b" + i;
          row.calls.track(hub.publishRrpcAsync(DeviceUnderTest.PRODUCT, dut.name, "work " + text), text);
        }
        row.calls.settleAll(120_000);
      } finally {
        sampler.shutdownNow();
      }
      heapAfter = Resources.heapAfterGcMiB();
      // Right after: the same device serves normally, one call after another (so none can be busy).
      for (int i = 0; i < 100; i++) {
        after.track(hub.publishRrpcAsync(DeviceUnderTest.PRODUCT, dut.name, "echo after-" + i), "after-" + i);
        after.settleAll(30_000);
      }
      strays = hub.strayReplies();
      dut.close();
      row.lostOnDevice = dut.unsettled();
    }
    row.calls.addAll(after);
    row.note("max queued " + maxQueued.get() + " (bound " + queue + "); heap after GC " + heapBefore + " → "
        + heapAfter + " MiB; replies beyond one per call: " + strays + "; then 100 calls one after another, all answered");
    ReliabilityReport.INSTANCE.record(row);

    assertEquals(0, row.calls.crossed.get(), () -> "crossed: " + row.calls.problems);
    assertEquals(0, row.lost(), () -> "lost: " + row.calls.problems);
    assertEquals(0, row.calls.hubTimeouts.get() + row.calls.deviceTimeouts.get(), "every request is answered: result or busy");
    assertEquals(0, strays, "exactly one reply per request");
    assertTrue(row.calls.busy.get() > 0, "the burst overflowed the queue, so some requests were answered busy");
    assertTrue(maxQueued.get() <= queue, "the queue stayed within its bound");
    assertTrue(heapAfter <= heapBefore + 64, "heap grew by " + (heapAfter - heapBefore) + " MiB");
    assertEquals(100, after.results.get(), () -> "served normally right after: " + after.problems);
  }

  @Test
  void fastRequestsMeetTheDeadlineNextToSlowOnesWhenThePoolAllows(HubSimulator hub, EmbeddedBroker broker)
      throws Exception {
    int slow = 3;
    int fast = Scale.of(200, 2000);
    ScenarioRow row = new ScenarioRow(slow + " slow handlers (never finish in time) among " + fast
        + " fast ones, 4 workers, deadline 1.5 s", "Moquette (embedded)");
    RrpcMetrics metrics;
    try (DeviceUnderTest dut = DeviceUnderTest.start(hub, broker,
        b -> b.workers(4).queueCapacity(64).deadline(1500, TimeUnit.MILLISECONDS))) {
      CallLedger slowCalls = new CallLedger();
      for (int i = 0; i < slow; i++) {
        slowCalls.track(hub.publishRrpcAsync(DeviceUnderTest.PRODUCT, dut.name, "slow s" + i), "s" + i);
      }
      PacedCalls.run(hub, dut.name, row.calls, "fast", fast, 5000, i -> {});
      row.calls.settleAll(30_000);
      slowCalls.settleAll(30_000);
      assertEquals(slow, slowCalls.deviceTimeouts.get(), "the slow ones are answered timeout at the deadline");
      dut.commands.releaseSlow.countDown();
      row.calls.addAll(slowCalls);
      dut.close();
      metrics = dut.device.metrics();
      row.lostOnDevice = dut.unsettled();
    }
    row.note("the slow ones answered `timeout` at the device's deadline; their late results dropped: "
        + metrics.lateResultsDropped());
    ReliabilityReport.INSTANCE.record(row);

    assertEquals(fast, row.calls.results.get(), () -> "every fast request answered in time: " + row.calls.problems);
    assertEquals(0, row.calls.crossed.get());
    assertEquals(0, row.lost());
    assertEquals(slow, metrics.lateResultsDropped(), "a result after the timeout reply is never published");
  }

  @Test
  void fastRequestsQueuedBehindASlowOneOnASingleWorkerTimeOutAsDocumented(HubSimulator hub, EmbeddedBroker broker)
      throws Exception {
    int fast = 10;
    ScenarioRow row = new ScenarioRow("1 slow handler then " + fast + " fast ones, 1 worker, deadline 1.5 s",
        "Moquette (embedded)");
    try (DeviceUnderTest dut = DeviceUnderTest.start(hub, broker,
        b -> b.workers(1).deadline(1500, TimeUnit.MILLISECONDS))) {
      row.calls.track(hub.publishRrpcAsync(DeviceUnderTest.PRODUCT, dut.name, "slow s"), "s");
      for (int i = 0; i < fast; i++) {
        row.calls.track(hub.publishRrpcAsync(DeviceUnderTest.PRODUCT, dut.name, "echo f" + i), "f" + i);
      }
      row.calls.settleAll(30_000);
      dut.commands.releaseSlow.countDown();
      // The worker is free again: the device serves normally.
      assertEquals("ok", hub.publishRrpc(DeviceUnderTest.PRODUCT, dut.name, "closed").payloadText());
      dut.close();
      row.lostOnDevice = dut.unsettled();
    }
    row.note("the pool does not allow: requests waiting behind the slow one reach their deadline queued and "
        + "are answered `timeout`; then the device serves normally");
    ReliabilityReport.INSTANCE.record(row);

    assertEquals(fast + 1, row.calls.deviceTimeouts.get(), () -> "all answered timeout: " + row.calls.problems);
    assertEquals(0, row.calls.crossed.get());
    assertEquals(0, row.lost());
  }
}
