package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcStartException;
import io.rrpc.runtime.SignatureAlgorithm;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.FaultProxy;
import io.rrpc.testkit.HubSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code start()} returns once subscribed, or fails with a reason the application can act on. The
 * embedded broker checks each KEY login as Tencent's hub does, with its own code, not the runtime's.
 */
class StartTest {
  final AirconCommands aircon = new AirconCommands();

  RrpcDevice.Builder builder(String uri) {
    return TestDevices.builder(uri, new AirconCommands_RrpcDispatcher(aircon));
  }

  @Test
  void keyModeCredentialsAreSignedTheWayTheHubChecksThem() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(); FaultProxy proxy = FaultProxy.to(broker)) {
      broker.registerDevice(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, TestSecrets.DEVICE_SECRET);
      try (RrpcDevice device = builder(proxy.uri()).build()) {
        device.start();
        assertTrue(device.isConnected());
      }
      assertEquals(Collections.emptyList(), broker.loginRefusals());
      ClientPackets sent = connectOf(proxy);
      assertEquals(RrpcDevice.DEFAULT_SDK_APP_ID, sent.connectUsername().split(";")[1]);
      assertTrue(sent.connectPassword().endsWith(";hmacsha256"), "the password names its algorithm");
    }
  }

  @Test
  void hmacSha1AndAnotherSdkAppIdOnRequest() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(); FaultProxy proxy = FaultProxy.to(broker)) {
      broker.registerDevice(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, TestSecrets.DEVICE_SECRET);
      try (RrpcDevice device = builder(proxy.uri()).sdkAppId("21010406")
          .signatureAlgorithm(SignatureAlgorithm.HMAC_SHA1).build()) {
        device.start();
      }
      assertEquals(Collections.emptyList(), broker.loginRefusals());
      ClientPackets sent = connectOf(proxy);
      assertEquals("21010406", sent.connectUsername().split(";")[1]);
      assertTrue(sent.connectPassword().endsWith(";hmacsha1"), "the password names its algorithm");
    }
  }

  @Test
  void wrongSecretIsBadCredentialsAndTheMessageHoldsNoSecret() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(); FaultProxy proxy = FaultProxy.to(broker)) {
      broker.registerDevice(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, TestSecrets.DEVICE_SECRET);
      DeviceInfo wrong = DeviceInfo.builder().productId(TestDevices.PRODUCT_ID).deviceName(TestDevices.DEVICE_NAME)
          .deviceSecret(TestSecrets.VECTOR_SECRET).build();
      try (RrpcDevice device = builder(proxy.uri()).deviceInfo(wrong).build()) {
        RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
        connectOf(proxy);
        assertEquals(RrpcStartException.Reason.BAD_CREDENTIALS, e.reason());
        assertTrue(e.getMessage().startsWith("cannot start RRPC device on " + proxy.uri()
            + ": the broker refused the device's credentials (CONNACK "), e.getMessage());
        assertNoSecretIn(e);
        assertFalse(device.isConnected());
      }
      List<String> refusals = broker.loginRefusals();
      assertEquals(1, refusals.size(), refusals.toString());
      assertTrue(refusals.get(0).contains("signature does not match"), refusals.toString());
    }
  }

  @Test
  void unreachableBrokerAndAFailedStartCanBeRetried() throws Exception {
    int port = freePort();
    String uri = "tcp://127.0.0.1:" + port;
    try (RrpcDevice device = builder(uri).build()) {
      RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
      assertEquals(RrpcStartException.Reason.UNREACHABLE, e.reason());
      assertTrue(e.getMessage().contains(uri), e.getMessage());

      try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", port)) {
        broker.registerDevice(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, TestSecrets.DEVICE_SECRET);
        device.start();
        try (HubSimulator hub = HubSimulator.connect(broker)) {
          assertEquals("ok", hub.publishRrpc(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, "closed").payloadText());
        }
        device.close(); // before the broker goes
      }
    }
  }

  @Test
  void refusedSubscriptionFailsTheStart() throws Exception {
    try (SubscriptionRefusingBroker broker = new SubscriptionRefusingBroker()) {
      try (RrpcDevice device = builder(broker.uri()).build()) {
        RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
        assertEquals(RrpcStartException.Reason.SUBSCRIPTION_REFUSED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(TestDevices.REQUEST_FILTER), e.getMessage());
        assertFalse(device.isConnected());
      }
    }
  }

  /**
   * The packets the device sent on its first connection through the proxy; its password becomes one of
   * the secrets no log line may hold.
   */
  static ClientPackets connectOf(FaultProxy proxy) {
    ClientPackets sent = new ClientPackets(proxy.clientPreambles().get(0));
    TestSecrets.registerPassword(sent.connectPassword());
    return sent;
  }

  /** A port of 127.0.0.1 that nothing listens on right now. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
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
