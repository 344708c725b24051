package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.FaultProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connections reset right after the TCP accept, during the MQTT connect, leave some of Paho's connect
 * attempts neither succeeded nor failed: the device must keep trying, and be back once the broker is.
 */
class StuckConnectTest extends DeviceTestBase {
  /** More than the ~17 attempts after which a device without a watchdog used to stop trying. */
  private static final int RESET_ATTEMPTS = 30;

  FaultProxy proxy;

  /** The device reaches the broker through the proxy; the hub connects directly. */
  @Override
  RrpcDevice.Builder builder() {
    if (proxy == null) {
      proxy = FaultProxy.to(broker);
    }
    return super.builder().brokerUri(proxy.uri());
  }

  /** The device goes first, so that it does not see the proxy go. */
  @Override
  @AfterEach
  void closeDevice() {
    super.closeDevice();
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void deviceKeepsReconnectingThroughConnectionsResetDuringConnectAndServesOnceTheyStop() throws Exception {
    start();
    assertEquals("subscribed " + TestDevices.REQUEST_FILTER, events.nextStartingWith("subscribed").text);

    proxy.refuseNewConnections(true);
    proxy.cut();
    events.nextStartingWith("disconnected");
    for (int i = 1; i <= RESET_ATTEMPTS; i++) {
      events.nextStartingWith("reconnecting");
    }
    proxy.refuseNewConnections(false);

    assertEquals("subscribed " + TestDevices.REQUEST_FILTER, events.nextStartingWith("subscribed").text);
    assertEquals("ok", call("closed"), "the device serves again");
  }
}
