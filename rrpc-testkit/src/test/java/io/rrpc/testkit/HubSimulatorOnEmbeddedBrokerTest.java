package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The simulator's contract on the embedded Moquette broker, plus what only a credential-checking hub does. */
class HubSimulatorOnEmbeddedBrokerTest extends HubSimulatorContract {
  @Override
  TestHub startHub() {
    return TestHub.embedded(TEST_TIMEOUT);
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
