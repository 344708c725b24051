package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Reconnect attempts that Paho would leave neither succeeded nor failed: connections reset right after
 * the TCP accept, during the MQTT connect, and connections never answered. The device keeps trying, and
 * is back once the broker is.
 */
class StuckConnectTest extends ThroughFaultProxy {
  /** More than the ~17 attempts after which a device without a watchdog used to stop trying. */
  private static final int RESET_ATTEMPTS = 30;

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

  @Test
  void deviceGivesUpOnAConnectNeverAnsweredAndConnectsOnceTheBrokerAnswers() throws Exception {
    try (ScriptedFaultBroker scripted = new ScriptedFaultBroker()) {
      // A short connect timeout: an attempt is given up one second (Paho's unit) plus the margin after it began.
      device = TestDevices.builder(scripted.uri(), new AirconCommands_RrpcDispatcher(aircon))
          .connectionListener(events).connectTimeout(1, TimeUnit.SECONDS).build();
      device.start();
      assertEquals("subscribed " + TestDevices.REQUEST_FILTER, events.nextStartingWith("subscribed").text);

      scripted.silent(true);
      long before = scripted.acceptedConnections();
      scripted.dropConnections();
      events.nextStartingWith("disconnected");
      assertTrue(scripted.awaitAcceptedConnections(before + 2, Duration.ofSeconds(30)),
          "the device gave up on a connection never answered and tried another");
      scripted.silent(false);

      assertEquals("subscribed " + TestDevices.REQUEST_FILTER, events.nextStartingWith("subscribed").text);
      device.close(); // before the broker goes
    }
  }

  @Test
  void deviceReconnectsAfterLosingItsFirstConnectionRightAfterTheSuback() throws Exception {
    try (ScriptedFaultBroker scripted = new ScriptedFaultBroker()) {
      scripted.dropAfterNextSuback();
      device = TestDevices.builder(scripted.uri(), new AirconCommands_RrpcDispatcher(aircon))
          .connectionListener(events).build();
      device.start();
      assertEquals("subscribed " + TestDevices.REQUEST_FILTER, events.nextStartingWith("subscribed").text);

      events.nextStartingWith("disconnected");
      assertEquals("subscribed " + TestDevices.REQUEST_FILTER, events.nextStartingWith("subscribed").text,
          "subscribed again on a new connection");
      device.close(); // before the broker goes
    }
  }
}
