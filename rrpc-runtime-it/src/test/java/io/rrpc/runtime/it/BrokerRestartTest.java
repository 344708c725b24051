package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.Outcome;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.MosquittoBroker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The broker process is stopped and started again mid-stream; the device serves again afterwards. */
class BrokerRestartTest {
  final AirconCommands aircon = new AirconCommands();

  @Test
  void deviceServesAgainAfterTheBrokerRestarts() throws Exception {
    try (MosquittoBroker mosquitto = MosquittoBroker.startOrSkip();
        RrpcDevice device = TestDevices.builder(mosquitto.uri(), new AirconCommands_RrpcDispatcher(aircon)).build()) {
      device.start();
      try (HubSimulator hub = HubSimulator.connect(mosquitto)) {
        for (int i = 0; i < 5; i++) {
          assertEquals("before-" + i, call(hub, "echo before-" + i));
        }
        int mark = LogCapture.INSTANCE.mark();

        mosquitto.restart();
        LogCapture.INSTANCE.await(mark, "connection lost", 1, 10, TimeUnit.SECONDS);
        LogCapture.INSTANCE.await(mark, "subscribe success, topic: " + TestDevices.REQUEST_FILTER, 1, 15, TimeUnit.SECONDS);
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
