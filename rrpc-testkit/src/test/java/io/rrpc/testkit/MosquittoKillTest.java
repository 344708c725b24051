package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link MosquittoBroker#kill()}: a crash, after which {@link MosquittoBroker#restart()} brings the broker back. */
class MosquittoKillTest {
  @Test
  void aKilledBrokerStopsAtOnceAndARestartServesClientsAgain() throws Exception {
    try (MosquittoBroker mosquitto = MosquittoBroker.startOrSkip()) {
      mosquitto.kill();

      assertFalse(mosquitto.isRunning());
      assertEquals(DevicePresence.Status.OFFLINE, mosquitto.presence().status("nobody", "$rrpc/rxd/p/d/1"));

      mosquitto.restart();

      assertTrue(mosquitto.isRunning());
      try (HubSimulator hub = HubSimulator.connect(mosquitto)) { // connects and subscribes, or throws
        assertTrue(hub.isConnected());
      }
    }
  }
}
