package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code start()} returns once subscribed, or fails with a reason the application can act on. */
class StartTest {
  final AirconCommands aircon = new AirconCommands();

  RrpcDevice.Builder builder(String uri) {
    return TestDevices.builder(uri, new AirconCommands_RrpcDispatcher(aircon));
  }

  @Test
  void keyModeCredentialsAreSignedTheWayTheHubChecksThem() throws Exception {
    TencentStyleAuthenticator auth = new TencentStyleAuthenticator(TestSecrets.DEVICE_SECRET, "12010126");
    try (MoquetteBroker broker = MoquetteBroker.start(auth)) {
      RrpcDevice device = builder(broker.uri()).build();
      try {
        device.start();
        assertTrue(device.isConnected());
      } finally {
        device.close();
      }
      assertEquals(Collections.emptyList(), auth.rejections);
    }
  }

  @Test
  void hmacSha1AndAnotherSdkAppIdOnRequest() throws Exception {
    TencentStyleAuthenticator auth = new TencentStyleAuthenticator(TestSecrets.DEVICE_SECRET, "21010406");
    try (MoquetteBroker broker = MoquetteBroker.start(auth)) {
      RrpcDevice device = builder(broker.uri()).sdkAppId("21010406")
          .signatureAlgorithm(SignatureAlgorithm.HMAC_SHA1).build();
      try {
        device.start();
      } finally {
        device.close();
      }
      assertEquals(Collections.emptyList(), auth.rejections);
    }
  }

  @Test
  void wrongSecretIsBadCredentialsAndTheMessageHoldsNoSecret() throws Exception {
    TencentStyleAuthenticator auth = new TencentStyleAuthenticator(TestSecrets.VECTOR_SECRET, "12010126");
    try (MoquetteBroker broker = MoquetteBroker.start(auth)) {
      RrpcDevice device = builder(broker.uri()).build();
      RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
      assertEquals(RrpcStartException.Reason.BAD_CREDENTIALS, e.reason());
      assertTrue(e.getMessage().startsWith("cannot start RRPC device on " + broker.uri()
          + ": the broker refused the device's credentials (CONNACK "), e.getMessage());
      assertEquals(Collections.singletonList("signature"), auth.rejections);
      assertNoSecretIn(e);
      assertFalse(device.isConnected());
      device.close();
    }
  }

  @Test
  void unreachableBrokerAndAFailedStartCanBeRetried() throws Exception {
    int port = MoquetteBroker.freePort();
    RrpcDevice device = builder("tcp://127.0.0.1:" + port).build();
    RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
    assertEquals(RrpcStartException.Reason.UNREACHABLE, e.reason());
    assertTrue(e.getMessage().contains("tcp://127.0.0.1:" + port), e.getMessage());

    try (MoquetteBroker broker = MoquetteBroker.start(port, null, null)) {
      device.start();
      try (HubClient hub = TestDevices.hub(broker.uri())) {
        assertEquals("ok", hub.call("closed"));
      } finally {
        device.close();
      }
    }
  }

  @Test
  void refusedSubscriptionFailsTheStart() throws Exception {
    IAuthorizatorPolicy noRrpc = new IAuthorizatorPolicy() {
      @Override
      public boolean canWrite(Topic topic, String user, String client) {
        return true;
      }

      @Override
      public boolean canRead(Topic topic, String user, String client) {
        return !topic.toString().startsWith("$rrpc/rxd/");
      }
    };
    try (MoquetteBroker broker = MoquetteBroker.start(MoquetteBroker.freePort(), null, noRrpc)) {
      RrpcDevice device = builder(broker.uri()).build();
      RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
      assertEquals(RrpcStartException.Reason.SUBSCRIPTION_REFUSED, e.reason(), e.getMessage());
      assertTrue(e.getMessage().contains("$rrpc/rxd/KL4J2XXXX8/airConditioner1/+"), e.getMessage());
      assertFalse(device.isConnected());
    }
  }

  static void assertNoSecretIn(Throwable e) {
    List<String> secrets = TestSecrets.all();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String text = t.toString();
      for (String secret : secrets) {
        assertFalse(text.contains(secret), "a secret in " + t.getClass().getSimpleName());
      }
    }
  }
}
