package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcStartException;
import io.rrpc.testkit.DropFirstSubscribeBroker;
import org.junit.jupiter.api.Test;

/**
 * A broker that accepts the connection and then drops it before acknowledging the subscription (as
 * Moquette 0.17 does about once in 300 connections) does not fail {@code start()}: the device connects
 * again. A broker that always does it fails with {@code CONNECTION_FAILED}, not "unreachable".
 */
class DroppedAfterConnackTest {

  @Test
  void startConnectsAgainWhenTheFirstConnectionIsDroppedBeforeTheSuback() throws Exception {
    try (DropFirstSubscribeBroker broker = DropFirstSubscribeBroker.start(1);
        RrpcDevice device = TestDevices.builder(broker.uri(), new AirconCommands_RrpcDispatcher(new AirconCommands()))
            .build()) {
      device.start();
      assertTrue(device.isConnected());
      assertEquals(2, broker.connections(), "one dropped connection, one that subscribed");
    }
  }

  @Test
  void aBrokerThatAlwaysDropsFailsWithConnectionFailed() throws Exception {
    try (DropFirstSubscribeBroker broker = DropFirstSubscribeBroker.start(Integer.MAX_VALUE);
        RrpcDevice device = TestDevices.builder(broker.uri(), new AirconCommands_RrpcDispatcher(new AirconCommands()))
            .build()) {

      RrpcStartException e = assertThrows(RrpcStartException.class, device::start);

      assertEquals(RrpcStartException.Reason.CONNECTION_FAILED, e.reason());
      assertTrue(e.getMessage().contains("dropped the connection after accepting it"), e.getMessage());
      // How often it tries is the runtime's own choice; that it tried again before giving up is the promise.
      assertTrue(broker.connections() > 1, "connections: " + broker.connections());
    }
  }
}
