package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The simulator's contract on Debian's Mosquitto, an independent broker; skipped when it is not installed. */
class HubSimulatorOnMosquittoTest extends HubSimulatorContract {
  @Override
  TestHub startHub() {
    return TestHub.mosquitto(TEST_TIMEOUT);
  }

  @Test
  void afterARestartOnTheSamePortTheHubReconnectsAndServesAgain() throws Exception {
    MosquittoBroker mosquitto = (MosquittoBroker) broker();
    HubSimulator hub = hub();
    int port = mosquitto.port();
    mosquitto.restart();
    assertEquals(port, mosquitto.port());
    assertTrue(hub.awaitConnected(Duration.ofSeconds(10)), "the hub reconnects by itself");

    String name = newDeviceName();
    String secret = hub.registerDevice(PRODUCT, name);
    try (PahoDevice device = PahoDevice.start(mosquitto, PRODUCT, name, secret, PahoDevice.ECHO)) {
      assertEquals("again", hub.publishRrpc(PRODUCT, name, "again").payloadText());
    }
  }
}
