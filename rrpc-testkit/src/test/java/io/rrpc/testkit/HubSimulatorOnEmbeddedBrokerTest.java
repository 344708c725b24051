package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The simulator's contract on the embedded Moquette broker, plus what only a credential-checking hub does. */
class HubSimulatorOnEmbeddedBrokerTest extends HubSimulatorContract {
  private static TestHub testHub;

  @BeforeAll
  static void start() {
    testHub = TestHub.embedded(TEST_TIMEOUT);
  }

  @AfterAll
  static void stop() {
    if (testHub != null) {
      testHub.close();
    }
  }

  @Override
  LocalBroker broker() {
    return testHub.broker;
  }

  @Override
  HubSimulator hub() {
    return testHub.hub;
  }

  @Test
  void anUnregisteredDeviceDoesNotExist() {
    HubSimulator hub = hub();
    RrpcCallException e = assertThrows(RrpcCallException.class, () -> hub.publishRrpc(PRODUCT, "ghost", "closed"));
    assertEquals(RrpcCallException.DEVICE_NOT_EXIST, e.code());
  }

  @Test
  void theHubAndTheBrokerShareOneDeviceRegistry() {
    EmbeddedBroker broker = (EmbeddedBroker) broker();
    HubSimulator hub = hub();
    String name = newDeviceName();
    hub.registerDevice(PRODUCT, name);
    assertEquals(true, broker.isRegistered(PRODUCT, name));
  }
}
