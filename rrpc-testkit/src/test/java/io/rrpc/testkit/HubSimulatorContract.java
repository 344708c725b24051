package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What {@link HubSimulator} promises on any broker that tells presence, against a hand-written Paho
 * device. Each concrete subclass runs it on one broker; each test uses its own device name.
 */
abstract class HubSimulatorContract extends OnOneHub {
  static final String PRODUCT = "KL4J2XXXX8";
  static final Duration TEST_TIMEOUT = Duration.ofSeconds(2);

  private static final AtomicInteger DEVICES = new AtomicInteger();

  static String newDeviceName() {
    return "dev" + DEVICES.incrementAndGet();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aReplyComesBackBase64EncodedUnderTheMessageIdTheDeviceSawAsProcessId() throws Exception {
    LocalBroker broker = broker();
    HubSimulator hub = hub();
    String name = newDeviceName();
    String secret = hub.registerDevice(PRODUCT, name);
    byte[] binaryReply = {0, (byte) 0xff, 'o', 'k', '\n'};
    try (PahoDevice device = PahoDevice.start(broker, PRODUCT, name, secret,
        (id, payload) -> CompletableFuture.completedFuture(binaryReply))) {
      RrpcResult result = hub.publishRrpc(PRODUCT, name, "closed");

      assertEquals(Base64.getEncoder().encodeToString(binaryReply), result.payloadBase64());
      assertArrayEquals(binaryReply, result.payload());
      assertTrue(result.messageId() > 0);
      assertEquals(List.of("$rrpc/rxd/" + PRODUCT + "/" + name + "/" + result.messageId()), device.requestTopics);
    }
  }

  @Test
  void everyCallGetsAFreshMessageId() throws Exception {
    LocalBroker broker = broker();
    HubSimulator hub = hub();
    String name = newDeviceName();
    String secret = hub.registerDevice(PRODUCT, name);
    try (PahoDevice device = PahoDevice.start(broker, PRODUCT, name, secret, PahoDevice.ECHO)) {
      long first = hub.publishRrpc(PRODUCT, name, "a").messageId();
      long second = hub.publishRrpcAsync(PRODUCT, name, "b").get(5, TimeUnit.SECONDS).messageId();
      assertTrue(second > first, first + " then " + second);
      assertTrue(Long.toString(second).length() <= 16, "Tencent's C SDK refuses processIds over 16 characters");
    }
  }

  @Test
  void twoHundredCallsInFlightAtOnceAreEachMatchedToTheirOwnReply() throws Exception {
    LocalBroker broker = broker();
    HubSimulator hub = hub();
    String name = newDeviceName();
    String secret = hub.registerDevice(PRODUCT, name);
    int calls = 200;
    // The device answers nothing until all 200 requests are in: only concurrent calls can succeed.
    CountDownLatch allArrived = new CountDownLatch(calls);
    CompletableFuture<Void> release = new CompletableFuture<>();
    PahoDevice.Handler holdAll = (id, payload) -> {
      allArrived.countDown();
      return release.thenApply(v -> utf8("re:" + new String(payload, StandardCharsets.UTF_8)));
    };
    // A hub of its own with a deadline no loaded machine reaches: what is checked is the matching, and
    // the first request's deadline runs while the other 199 are still being delivered.
    try (HubSimulator patient = HubSimulator.builder().broker(broker).rrpcTimeout(Duration.ofSeconds(60)).connect();
        PahoDevice device = PahoDevice.start(broker, PRODUCT, name, secret, holdAll)) {
      List<CompletableFuture<RrpcResult>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        results.add(patient.publishRrpcAsync(PRODUCT, name, "call " + i));
      }
      assertTrue(allArrived.await(10, TimeUnit.SECONDS), "all requests reach the device before any reply");
      release.complete(null);
      for (int i = 0; i < calls; i++) {
        assertEquals("re:call " + i, results.get(i).get(70, TimeUnit.SECONDS).payloadText());
      }
      assertEquals(0, patient.pendingCalls());
    }
  }

  @Test
  void aHandlerSlowerThanTheDeadlineEndsInRrpcTimeoutAndItsLateReplyIsStray() throws Exception {
    LocalBroker broker = broker();
    HubSimulator hub = hub();
    String name = newDeviceName();
    String secret = hub.registerDevice(PRODUCT, name);
    CompletableFuture<byte[]> slow = new CompletableFuture<>();
    CompletableFuture<String> slowId = new CompletableFuture<>();
    PahoDevice.Handler firstSlowThenEcho = (id, payload) -> {
      if (new String(payload, StandardCharsets.UTF_8).equals("slow")) {
        slowId.complete(id);
        return slow;
      }
      return CompletableFuture.completedFuture(payload);
    };
    try (PahoDevice device = PahoDevice.start(broker, PRODUCT, name, secret, firstSlowThenEcho)) {
      RrpcCallException e = assertThrows(RrpcCallException.class, () -> hub.publishRrpc(PRODUCT, name, "slow"));

      assertEquals(RrpcCallException.RRPC_TIMEOUT, e.code());
      assertEquals(slowId.get(1, TimeUnit.SECONDS), Long.toString(e.messageId()));
      long strayBefore = hub.strayReplies();
      slow.complete(utf8("too late")); // publishes the late reply now, before the next one
      assertEquals("next", hub.publishRrpc(PRODUCT, name, "next").payloadText());
      assertEquals(strayBefore + 1, hub.strayReplies());
    }
  }

  @Test
  void aDeviceThatNeverConnectedIsOffline() {
    HubSimulator hub = hub();
    String name = newDeviceName();
    hub.registerDevice(PRODUCT, name);

    RrpcCallException e = assertThrows(RrpcCallException.class, () -> hub.publishRrpc(PRODUCT, name, "closed"));
    assertEquals(RrpcCallException.DEVICE_OFFLINE, e.code());
  }

  @Test
  void aDeviceThatClosedIsOffline() throws Exception {
    LocalBroker broker = broker();
    HubSimulator hub = hub();
    String name = newDeviceName();
    String secret = hub.registerDevice(PRODUCT, name);
    PahoDevice device = PahoDevice.start(broker, PRODUCT, name, secret, PahoDevice.ECHO);
    assertEquals("on", hub.publishRrpc(PRODUCT, name, "on").payloadText());
    device.close();
    assertTrue(hub.awaitOffline(PRODUCT, name, Duration.ofSeconds(5)));

    RrpcCallException e = assertThrows(RrpcCallException.class, () -> hub.publishRrpc(PRODUCT, name, "closed"));
    assertEquals(RrpcCallException.DEVICE_OFFLINE, e.code());
  }

  @Test
  void aConnectedDeviceWithoutTheRequestSubscriptionIsReported() throws Exception {
    LocalBroker broker = broker();
    HubSimulator hub = hub();
    String name = newDeviceName();
    String secret = hub.registerDevice(PRODUCT, name);
    try (PahoDevice device = PahoDevice.connect(broker, PRODUCT, name, KeyLogin.options(PRODUCT, name, secret),
        PahoDevice.ECHO)) {
      RrpcCallException e = assertThrows(RrpcCallException.class, () -> hub.publishRrpc(PRODUCT, name, "closed"));
      assertEquals(RrpcCallException.DEVICE_NO_SUBSCRIPTION, e.code());

      device.subscribe();
      assertEquals("closed", hub.publishRrpc(PRODUCT, name, "closed").payloadText());
    }
  }

  @Test
  void aPayloadOverTheLimitIsRefusedBeforeAnythingIsPublished() throws Exception {
    LocalBroker broker = broker();
    HubSimulator hub = hub();
    String name = newDeviceName();
    String secret = hub.registerDevice(PRODUCT, name);
    try (PahoDevice device = PahoDevice.start(broker, PRODUCT, name, secret, PahoDevice.ECHO)) {
      byte[] atLimit = new byte[HubSimulator.DEFAULT_PAYLOAD_LIMIT];
      assertArrayEquals(atLimit, hub.publishRrpc(PRODUCT, name, atLimit).payload());

      RrpcCallException e = assertThrows(RrpcCallException.class,
          () -> hub.publishRrpc(PRODUCT, name, new byte[HubSimulator.DEFAULT_PAYLOAD_LIMIT + 1]));
      assertEquals(RrpcCallException.PAYLOAD_OVER_LIMIT, e.code());
      assertEquals(0, e.messageId());
      assertEquals(1, device.requestTopics.size());
    }
  }

  @Test
  void theDeviceIsOnlineOnceConnectedAndSubscribed() throws Exception {
    LocalBroker broker = broker();
    HubSimulator hub = hub();
    String name = newDeviceName();
    String secret = hub.registerDevice(PRODUCT, name);
    try (PahoDevice device = PahoDevice.start(broker, PRODUCT, name, secret, PahoDevice.ECHO)) {
      assertTrue(hub.awaitOnline(PRODUCT, name, Duration.ofSeconds(5)));
    }
  }

  @Test
  void aSecondConnectionWithTheSameIdentityTakesOver() throws Exception {
    LocalBroker broker = broker();
    HubSimulator hub = hub();
    String name = newDeviceName();
    String secret = hub.registerDevice(PRODUCT, name);
    try (PahoDevice old = PahoDevice.start(broker, PRODUCT, name, secret, (id, p) -> CompletableFuture.completedFuture(utf8("old")));
        PahoDevice current = PahoDevice.start(broker, PRODUCT, name, secret,
            (id, p) -> CompletableFuture.completedFuture(utf8("new")))) {
      assertEquals("new", hub.publishRrpc(PRODUCT, name, "who").payloadText());
    }
  }
}
