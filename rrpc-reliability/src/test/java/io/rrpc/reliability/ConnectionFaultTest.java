package io.rrpc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.junit5.RrpcHubExtension;
import io.rrpc.testkit.RrpcResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A live device behind a {@link io.rrpc.testkit.FaultProxy} on the embedded broker (credentials
 * checked): its connection is cut under load, stalled, and cut again and again. It must keep serving,
 * never cross a reply, and leave nothing behind.
 */
class ConnectionFaultTest {
  @RegisterExtension
  static final RrpcHubExtension HUB = RrpcHubExtension.embedded();

  private static final Duration RECONNECT_LIMIT = Duration.ofSeconds(30);

  @Test
  void aConnectionCutMidStreamUnderLoadLosesAndCrossesNothing(HubSimulator hub, EmbeddedBroker broker)
      throws Exception {
    int perPhase = Scale.of(400, 4000);
    ScenarioRow row = new ScenarioRow("connection cut mid-stream under load (" + perPhase * 2 + " calls, 500/s)",
        "Moquette (embedded)");
    CallLedger after = new CallLedger();
    try (DeviceUnderTest dut = DeviceUnderTest.start(hub, broker)) {
      int subscriptions = dut.events.subscriptions();
      long[] cutAt = new long[1];
      PacedCalls.run(hub, dut.name, row.calls, "before", perPhase, 2000, i -> {
        if (i == perPhase / 2) {
          cutAt[0] = System.nanoTime();
          dut.proxy.cut();
        }
      });
      try (ServingProbe probe = new ServingProbe(broker)) {
        probe.awaitServing(dut, subscriptions, RECONNECT_LIMIT);
      }
      row.reconnected(System.nanoTime() - cutAt[0]);

      PacedCalls.run(hub, dut.name, after, "after", perPhase, 2000, i -> {});
      row.calls.settleAll(30_000);
      after.settleAll(30_000);
      dut.close();
      row.lostOnDevice = dut.unsettled();
    }
    row.calls.addAll(after);
    row.note("1 cut (TCP reset) after " + perPhase / 2 + " calls; then " + perPhase + " more, all answered");
    ReliabilityReport.INSTANCE.record(row);

    assertEquals(0, row.calls.crossed.get(), () -> "crossed: " + row.calls.problems);
    assertEquals(0, row.lost(), () -> "lost: " + row.calls.problems);
    assertEquals(perPhase, after.results.get(), () -> "after reconnecting every call is answered: " + after.problems);
  }

  @Test
  void aStalledConnectionIsDetectedByKeepAliveAndTheDeviceServesAgain(HubSimulator hub, EmbeddedBroker broker)
      throws Exception {
    int runs = Scale.of(2, 10);
    ScenarioRow row = new ScenarioRow("stalled connection (no bytes move, socket open), keep-alive 1 s",
        "Moquette (embedded)").runs(runs);
    try (DeviceUnderTest dut = DeviceUnderTest.start(hub, broker, b -> b.keepAliveSeconds(1));
        ServingProbe probe = new ServingProbe(broker)) {
      for (int run = 0; run < runs; run++) {
        row.calls.track(hub.publishRrpcAsync(DeviceUnderTest.PRODUCT, dut.name, "echo ready-" + run), "ready-" + run);
        row.calls.settleAll(10_000);
        long connections = dut.proxy.acceptedConnections();
        int subscriptions = dut.events.subscriptions();
        long stalledAt = System.nanoTime();
        dut.proxy.stall();
        // A request sent into the stalled connection: the device never sees it, the hub reports the timeout.
        row.calls.track(hub.publishRrpcAsync(DeviceUnderTest.PRODUCT, dut.name, "echo stalled-" + run), "stalled-" + run);
        assertTrue(dut.proxy.awaitAcceptedConnections(connections + 1, RECONNECT_LIMIT),
            "keep-alive never noticed the stalled connection");
        dut.proxy.resume(); // lets the abandoned connection end
        probe.awaitServing(dut, subscriptions, RECONNECT_LIMIT);
        String text = "served-" + run;
        CompletableFuture<RrpcResult> served = hub.publishRrpcAsync(DeviceUnderTest.PRODUCT, dut.name, "echo " + text);
        row.calls.track(served, text);
        assertEquals(text, served.get(10, TimeUnit.SECONDS).payloadText());
        row.reconnected(System.nanoTime() - stalledAt);
      }
      row.calls.settleAll(10_000);
      dut.close();
      row.lostOnDevice = dut.unsettled();
    }
    row.note("each run: stall, one request into the stall, detection, reconnect, a served request");
    ReliabilityReport.INSTANCE.record(row);
    assertEquals(0, row.calls.crossed.get(), () -> "crossed: " + row.calls.problems);
    assertEquals(0, row.lost(), () -> "lost: " + row.calls.problems);
  }

  @Test
  void repeatedFlappingLeaksNoThreadsAndNoMemory(HubSimulator hub, EmbeddedBroker broker) throws Exception {
    int flaps = Scale.of(20, 200);
    ScenarioRow row = new ScenarioRow("flapping: connection cut " + flaps + " times in a row", "Moquette (embedded)")
        .runs(flaps);
    int threadsBefore;
    int threadsAfter;
    long heapBefore;
    long heapAfter;
    String census;
    try (DeviceUnderTest dut = DeviceUnderTest.start(hub, broker); ServingProbe probe = new ServingProbe(broker)) {
      // One flap first, so that every thread a reconnect creates lazily exists before counting.
      flap(dut, hub, probe, new ScenarioRow("warm-up", ""), -1);
      threadsBefore = Resources.liveThreads();
      heapBefore = Resources.heapAfterGcMiB();
      for (int i = 0; i < flaps; i++) {
        flap(dut, hub, probe, row, i);
      }
      row.calls.settleAll(10_000);
      threadsAfter = Resources.liveThreads();
      heapAfter = Resources.heapAfterGcMiB();
      census = Resources.threadCensus().toString();
      dut.close();
      row.lostOnDevice = dut.unsettled();
    }
    row.note("live threads " + threadsBefore + " → " + threadsAfter + ", heap after GC " + heapBefore + " → "
        + heapAfter + " MiB");
    ReliabilityReport.INSTANCE.record(row);
    assertEquals(0, row.calls.crossed.get(), () -> "crossed: " + row.calls.problems);
    assertEquals(0, row.lost(), () -> "lost: " + row.calls.problems);
    assertEquals(flaps, row.calls.results.get(), () -> "every call between flaps is answered: " + row.calls.problems);
    // Generous bounds: a leak of one thread or one buffer per flap would exceed them.
    assertTrue(threadsAfter <= threadsBefore + 5, () -> "threads leak: " + census);
    assertTrue(heapAfter <= heapBefore + 32, "heap grew by " + (heapAfter - heapBefore) + " MiB");
  }

  /** One cut, then waits until the device serves again and makes one tracked call. */
  private static void flap(DeviceUnderTest dut, HubSimulator hub, ServingProbe probe, ScenarioRow row, int i)
      throws Exception {
    long connections = dut.proxy.acceptedConnections();
    int subscriptions = dut.events.subscriptions();
    long cutAt = System.nanoTime();
    dut.proxy.cut();
    assertTrue(dut.proxy.awaitAcceptedConnections(connections + 1, RECONNECT_LIMIT), "the device never reconnected");
    probe.awaitServing(dut, subscriptions, RECONNECT_LIMIT);
    row.reconnected(System.nanoTime() - cutAt);
    String text = "flap-" + i;
    CompletableFuture<RrpcResult> call = hub.publishRrpcAsync(DeviceUnderTest.PRODUCT, dut.name, "echo " + text);
    row.calls.track(call, text);
    call.get(10, TimeUnit.SECONDS);
  }
}
