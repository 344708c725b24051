package io.rrpc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.MosquittoBroker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Mosquitto, a broker in its own process, killed with SIGKILL under load and restarted on the same
 * port: the device reconnects and resubscribes by itself, and the time from the broker being back to
 * the device answering again is measured.
 */
class BrokerRestartTest {
  private static final Duration SERVE_LIMIT = Duration.ofSeconds(60);

  @Test
  void aKilledAndRestartedBrokerIsServedAgainWithoutLosingOrCrossingAnything() throws Exception {
    int restarts = Scale.of(3, 15);
    int perPhase = 50;
    ScenarioRow row = new ScenarioRow("broker killed (SIGKILL) under load and restarted", "Mosquitto 2.0 (process)")
        .runs(restarts);
    CallLedger after = new CallLedger();
    try (MosquittoBroker mosquitto = MosquittoBroker.startOrSkip();
        HubSimulator hub = HubSimulator.connect(mosquitto);
        DeviceUnderTest dut = DeviceUnderTest.start(hub, mosquitto);
        ServingProbe probe = new ServingProbe(mosquitto)) {
      for (int r = 0; r < restarts; r++) {
        int subscriptions = dut.events.subscriptions();
        // The kill comes right after the last call of the phase is issued: those still in flight die with it.
        PacedCalls.run(hub, dut.name, row.calls, "before" + r, perPhase, 2000, i -> {
          if (i == perPhase - 1) {
            mosquitto.kill();
          }
        });
        mosquitto.restart();
        long back = System.nanoTime();
        assertTrue(hub.awaitConnected(SERVE_LIMIT), "the hub simulator did not reconnect");
        probe.awaitServing(dut, subscriptions, SERVE_LIMIT);
        row.reconnected(System.nanoTime() - back);
        PacedCalls.run(hub, dut.name, after, "after" + r, perPhase, 2000, i -> {});
        after.settleAll(30_000);
      }
      row.calls.settleAll(30_000);
      dut.close();
      row.lostOnDevice = dut.unsettled();
    }
    row.calls.addAll(after);
    row.note("each run: " + perPhase + " calls with the kill right after the last, restart, " + perPhase
        + " calls once serving again");
    ReliabilityReport.INSTANCE.record(row);

    assertEquals(0, row.calls.crossed.get(), () -> "crossed: " + row.calls.problems);
    assertEquals(0, row.lost(), () -> "lost: " + row.calls.problems);
    assertEquals((long) restarts * perPhase, after.results.get(), () -> "after each restart: " + after.problems);
  }
}
