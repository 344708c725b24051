package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrpc.annotations.RrpcCommand;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcMetrics;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request published with the retain flag is a stale command (Tencent's hub never retains RRPC
 * requests), which a broker replays at every subscribe: it is dropped, counted and logged, never run.
 */
class RetainedRequestTest {
  private static final String PRODUCT = "RETAIN0001";
  private static final String DEVICE = "door1";

  /** Counts its calls. */
  public static final class DoorCommands {
    final AtomicInteger opened = new AtomicInteger();

    @RrpcCommand("open")
    public String open() {
      return "opened " + opened.incrementAndGet();
    }
  }

  private EmbeddedBroker broker;
  private HubSimulator hub;

  @BeforeEach
  void startBroker() {
    broker = EmbeddedBroker.start();
    hub = HubSimulator.connect(broker);
  }

  @AfterEach
  void stopBroker() {
    hub.close();
    broker.close();
  }

  @Test
  void aRetainedRequestIsDroppedAndCountedNeverRun() throws Exception {
    retain("$rrpc/rxd/" + PRODUCT + "/" + DEVICE + "/777", "open");
    DoorCommands door = new DoorCommands();
    try (RrpcDevice device = hub.deviceBuilder(PRODUCT, DEVICE)
        .dispatcher(new RetainedRequestTest_DoorCommands_RrpcDispatcher(door)).build()) {
      device.start();

      // The broker sends the retained message right after the SUBACK, before anything published later:
      // once this live request is answered, the retained one has been seen.
      assertEquals("opened 1", hub.publishRrpc(PRODUCT, DEVICE, "open").payloadText());

      RrpcMetrics metrics = device.metrics();
      assertEquals(1, metrics.retainedRequestsDropped());
      assertEquals(2, metrics.received());
      assertEquals(1, door.opened.get(), "only the live request ran");
      assertEquals(0, hub.strayReplies(), "no reply to the retained request's processId");
    }
  }

  /** What a stray client (or an old tool) does: publish a command with the retain flag. */
  private void retain(String topic, String payload) throws Exception {
    MqttClient stray = new MqttClient(broker.uri(), "stray-retainer", new MemoryPersistence());
    try {
      stray.connect(broker.serviceConnectOptions());
      stray.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true);
      stray.disconnect();
    } finally {
      stray.close();
    }
  }
}
