package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.Outcome;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.MosquittoBroker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The broker process is stopped and started again mid-stream; the device serves again afterwards. */
class BrokerRestartTest {
  final AirconCommands aircon = new AirconCommands();
  final RecordedConnectionEvents events = new RecordedConnectionEvents();

  @Test
  void deviceServesAgainAfterTheBrokerRestarts() throws Exception {
    try (MosquittoBroker mosquitto = MosquittoBroker.startOrSkip();
        RrpcDevice device = TestDevices.builder(mosquitto.uri(), new AirconCommands_RrpcDispatcher(aircon))
            .connectionListener(events).build()) {
      device.start();
      try (HubSimulator hub = HubSimulator.connect(mosquitto)) {
        for (int i = 0; i < 5; i++) {
          assertEquals("before-" + i, call(hub, "echo before-" + i));
        }
        events.nextStartingWith("subscribed"); // the start's own

        mosquitto.restart();
        events.nextStartingWith("disconnected");
        assertEquals("subscribed " + TestDevices.REQUEST_FILTER, events.nextStartingWith("subscribed").text);
        assertTrue(hub.awaitConnected(Duration.ofSeconds(15)), "the hub reconnects by itself");

        for (int i = 0; i < 5; i++) {
          assertEquals("after-" + i, call(hub, "echo after-" + i));
        }
        assertEquals(10, device.metrics().outcome(Outcome.SUCCESS));
      }
    }
  }

  private static String call(HubSimulator hub, String payload) {
    return hub.publishRrpc(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, payload).payloadText();
  }
}
