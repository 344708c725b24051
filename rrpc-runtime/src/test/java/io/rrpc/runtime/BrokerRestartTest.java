package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker process is stopped and started again mid-stream; the device serves again afterwards. */
class BrokerRestartTest {
  final AirconCommands aircon = new AirconCommands();

  @Test
  void deviceServesAgainAfterTheBrokerRestarts(@TempDir Path dir) throws Exception {
    int port = MoquetteBroker.freePort();
    String uri = "tcp://127.0.0.1:" + port;
    try (MosquittoBroker mosquitto = MosquittoBroker.start(dir, "listener " + port + " 127.0.0.1\n")) {
      RrpcDevice device = TestDevices.builder(uri, new AirconCommands_RrpcDispatcher(aircon)).build();
      HubClient hub = null;
      try {
        device.start();
        hub = TestDevices.hub(uri);
        for (int i = 0; i < 5; i++) {
          assertEquals("before-" + i, hub.call("echo before-" + i));
        }
        int mark = LogCapture.INSTANCE.mark();

        mosquitto.stop();
        LogCapture.INSTANCE.await(mark, "connection lost", 1, 10, TimeUnit.SECONDS);
        mosquitto.start();
        LogCapture.INSTANCE.await(mark, "subscribe success, topic: $rrpc/rxd/KL4J2XXXX8/airConditioner1/+", 1, 15, TimeUnit.SECONDS);

        hub.close();
        hub = TestDevices.hub(uri);
        for (int i = 0; i < 5; i++) {
          assertEquals("after-" + i, hub.call("echo after-" + i));
        }
        assertEquals(10, device.metrics().outcome(Outcome.SUCCESS));
      } finally {
        device.close();
        if (hub != null) {
          hub.close();
        }
      }
    }
  }
}
