package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcStartException;
import io.rrpc.runtime.SignatureAlgorithm;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end suite on the embedded broker, plus the login check against the runtime's signer: our
 * independent check is what catches a signing bug.
 */
class RrpcDeviceOnEmbeddedBrokerTest extends RrpcDeviceEndToEndContract {
  @Override
  TestHub startHub() {
    return TestHub.embedded(HUB_TIMEOUT);
  }

  @Test
  void aDeviceWithAWrongSecretIsRefusedAtConnect() {
    HubSimulator hub = hub();
    EmbeddedBroker broker = (EmbeddedBroker) broker();
    String name = newDeviceName();
    hub.registerDevice(PRODUCT, name);
    DeviceInfo wrongSecret = DeviceInfo.builder()
        .productId(PRODUCT).deviceName(name).deviceSecret("ZmVkY2JhOTg3NjU0MzIxMA==").build();
    RrpcDevice device = RrpcDevice.builder()
        .deviceInfo(wrongSecret)
        .brokerUri(hub.uri())
        .dispatcher(new ThermostatCommands_RrpcDispatcher(new ThermostatCommands(1)))
        .build();
    try {
      RrpcStartException e = assertThrows(RrpcStartException.class, device::start);

      assertEquals(RrpcStartException.Reason.BAD_CREDENTIALS, e.reason());
      assertTrue(broker.loginRefusals().stream().anyMatch(r -> r.startsWith(PRODUCT + name
          + ": password signature does not match the registered device secret (hmacsha256 of the username")),
          broker.loginRefusals()::toString);
    } finally {
      device.close();
    }
  }

  @Test
  void theRuntimesHmacSha1LoginIsAcceptedToo() {
    HubSimulator hub = hub();
    String name = newDeviceName();
    try (RrpcDevice device = hub.deviceBuilder(PRODUCT, name)
        .signatureAlgorithm(SignatureAlgorithm.HMAC_SHA1)
        .dispatcher(new ThermostatCommands_RrpcDispatcher(new ThermostatCommands(1)))
        .build()) {
      device.start();
      assertEquals("ok", hub.publishRrpc(PRODUCT, name, "closed").payloadText());
    }
  }

  @Test
  void theRuntimesLoginPassesEveryFieldOfTheCheck() {
    HubSimulator hub = hub();
    EmbeddedBroker broker = (EmbeddedBroker) broker();
    String name = newDeviceName();
    int refusalsBefore = broker.loginRefusals().size();
    try (RrpcDevice device = startDevice(hub, name, new ThermostatCommands(1))) {
      assertTrue(device.isConnected());
    }
    assertEquals(refusalsBefore, broker.loginRefusals().size(), broker.loginRefusals()::toString);
  }
}
