package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.annotations.RrpcCommand;
import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcStartException;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.MosquittoBroker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the device's connection listener is told, in which order and on which thread. */
class ConnectionListenerTest {
  private static final String PRODUCT = "LISTEN0001";
  private static final String DEVICE = "lamp1";

  /** One command, so that the device has something to serve. */
  public static final class LampCommands {
    @RrpcCommand("on")
    public String on() {
      return "ok";
    }
  }

  @Test
  void aStartThenABrokerRestartAreReportedInOrderOnTheDevicesWorkerThread() throws Exception {
    RecordedConnectionEvents events = new RecordedConnectionEvents();
    try (MosquittoBroker broker = MosquittoBroker.startOrSkip();
        HubSimulator hub = HubSimulator.connect(broker);
        RrpcDevice device = hub.deviceBuilder(PRODUCT, DEVICE)
            .dispatcher(new ConnectionListenerTest_LampCommands_RrpcDispatcher(new LampCommands()))
            .reconnectBackoff(50, 200, TimeUnit.MILLISECONDS)
            .connectionListener(events)
            .build()) {
      device.start();
      RecordedConnectionEvents.Event connected = events.next();
      assertEquals("connected " + broker.uri(), connected.text);
      assertTrue(connected.thread.contains("-worker-"), "delivered on a worker of the device: " + connected);
      assertEquals("subscribed $rrpc/rxd/" + PRODUCT + "/" + DEVICE + "/+", events.next().text);

      broker.restart();

      RecordedConnectionEvents.Event lost = events.next();
      assertEquals("disconnected", lost.text);
      assertNotNull(lost.detail, "the cause");
      assertEquals("reconnecting 1", events.next().text);
      // Attempts may fail while the broker comes back; each is followed by another reconnecting.
      RecordedConnectionEvents.Event back = events.nextStartingWith("connected");
      assertEquals("connected " + broker.uri(), back.text);
      assertEquals("subscribed $rrpc/rxd/" + PRODUCT + "/" + DEVICE + "/+", events.next().text);
      assertTrue(hub.awaitConnected(Duration.ofSeconds(10)), "the hub is back too");
      assertEquals("ok", hub.publishRrpc(PRODUCT, DEVICE, "on").payloadText(), "serving again");
    }
  }

  @Test
  void aFailedStartIsReportedWithTheExceptionStartThrew() throws Exception {
    RecordedConnectionEvents events = new RecordedConnectionEvents();
    DeviceInfo info = DeviceInfo.builder().productId(PRODUCT).deviceName(DEVICE)
        .deviceSecret("MDEyMzQ1Njc4OWFiY2RlZg==").build();
    RrpcDevice device = RrpcDevice.builder().deviceInfo(info)
        .dispatcher(new ConnectionListenerTest_LampCommands_RrpcDispatcher(new LampCommands()))
        .brokerUri("tcp://127.0.0.1:1") // nothing listens on port 1
        .connectTimeout(2, TimeUnit.SECONDS)
        .connectionListener(events)
        .build();

    RrpcStartException thrown = assertThrows(RrpcStartException.class, device::start);

    RecordedConnectionEvents.Event failed = events.next();
    assertEquals("startFailed", failed.text);
    assertSame(thrown, failed.detail);
  }
}
