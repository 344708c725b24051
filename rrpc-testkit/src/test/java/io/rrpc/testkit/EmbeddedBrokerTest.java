package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The embedded broker itself: port, $rrpc delivery, and the hub's login check. */
class EmbeddedBrokerTest {
  private static final String PRODUCT = "ABCDEFGHIJ";
  private static final AtomicInteger SDK_DEVICES = new AtomicInteger();
  private static EmbeddedBroker broker;

  @BeforeAll
  static void start() {
    broker = EmbeddedBroker.start();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void listensOnLoopbackOnThePortItReports() throws IOException {
    assertTrue(broker.port() > 0);
    assertEquals("tcp://127.0.0.1:" + broker.port(), broker.uri());
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", broker.port()), 2000);
    }
  }

  @Test
  void deliversAClientPublishOnAnRrpcTopicToAnExplicitSubscription() throws Exception {
    String secret = broker.registerDevice(PRODUCT, "delivery1");
    CompletableFuture<String> received = new CompletableFuture<>();
    MqttAsyncClient device = client(PRODUCT + "delivery1", KeyLogin.options(PRODUCT, "delivery1", secret));
    device.setCallback(callback(received));
    device.subscribe("$rrpc/rxd/" + PRODUCT + "/delivery1/+", 0).waitForCompletion(5000);
    MqttAsyncClient hub = client("hub-delivery", broker.serviceConnectOptions());
    hub.publish("$rrpc/rxd/" + PRODUCT + "/delivery1/42", "closed".getBytes(StandardCharsets.UTF_8), 0, false);

    assertEquals("$rrpc/rxd/" + PRODUCT + "/delivery1/42 closed", received.get(5, TimeUnit.SECONDS));
    close(device);
    close(hub);
  }

  @Test
  void letsInADeviceSignedWithItsRegisteredSecret() throws Exception {
    String secret = broker.registerDevice(PRODUCT, "good1");
    MqttAsyncClient device = client(PRODUCT + "good1", KeyLogin.options(PRODUCT, "good1", secret));
    assertTrue(device.isConnected());
    close(device);
  }

  @Test
  void refusesADeviceSignedWithAWrongSecret() throws Exception {
    broker.registerDevice(PRODUCT, "wrong1");
    String otherSecret = "ZmVkY2JhOTg3NjU0MzIxMA==";
    MqttException e = assertThrows(MqttException.class,
        () -> client(PRODUCT + "wrong1", KeyLogin.options(PRODUCT, "wrong1", otherSecret)));
    assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, e.getReasonCode());
    assertTrue(broker.loginRefusals().stream()
        .anyMatch(r -> r.startsWith(PRODUCT + "wrong1: password signature does not match")), broker.loginRefusals()::toString);
  }

  /** Every login Tencent's device SDKs make: sdkappid, expiry, signature, MQTT level (4 is 3.1.1, 3 is 3.1). */
  static Stream<Arguments> tencentSdkLogins() {
    String inTenMinutes = Long.toString(System.currentTimeMillis() / 1000 + 600);
    return Stream.of(
        Arguments.of("qcloud C SDK default", "21010406", "9223372036854775807", "hmacsha1", 4),
        Arguments.of("qcloud C SDK default, HMAC-SHA256", "21010406", "9223372036854775807", "hmacsha256", 4),
        Arguments.of("tencentcloud C SDK", "21010406", "92233720368547758", "hmacsha1", 4),
        Arguments.of("tencentcloud C SDK, HMAC-SHA256", "21010406", "92233720368547758", "hmacsha256", 4),
        Arguments.of("Java SDK", "12010126", inTenMinutes, "hmacsha256", 4),
        Arguments.of("Java SDK, Integer.MAX_VALUE", "12010126", "2147483647", "hmacsha256", 4),
        Arguments.of("Python SDK over MQTT 3.1", "21010406", inTenMinutes, "hmacsha256", 3),
        Arguments.of("Python SDK over MQTT 3.1, HMAC-SHA1", "21010406", inTenMinutes, "hmacsha1", 3),
        Arguments.of("qcloud C SDK default over MQTT 3.1", "21010406", "9223372036854775807", "hmacsha1", 3));
  }

  @ParameterizedTest(name = "{0}, MQTT level {4}")
  @MethodSource("tencentSdkLogins")
  void letsInEveryLoginTencentsSdksMakeAndDeliversToIt(String sdk, String sdkAppId, String expiry,
      String algorithm, int mqttLevel) throws Exception {
    // A clientId of 25+ characters, like ABCDEFGHIJairConditioner1: MQTT 3.1 capped them at 23.
    String name = "airConditioner" + SDK_DEVICES.incrementAndGet();
    String clientId = PRODUCT + name;
    String secret = broker.registerDevice(PRODUCT, name);
    String username = clientId + ";" + sdkAppId + ";Xy7Qa;" + expiry;
    MqttConnectOptions options = KeyLogin.options(username, KeyLogin.password(username, secret, algorithm));
    options.setMqttVersion(mqttLevel == 3 ? MqttConnectOptions.MQTT_VERSION_3_1 : MqttConnectOptions.MQTT_VERSION_3_1_1);

    MqttAsyncClient device = client(clientId, options);
    CompletableFuture<String> received = new CompletableFuture<>();
    device.setCallback(callback(received));
    device.subscribe("$rrpc/rxd/" + PRODUCT + "/" + name + "/+", 0).waitForCompletion(5000);
    MqttAsyncClient hub = client("hub-" + name, broker.serviceConnectOptions());
    hub.publish("$rrpc/rxd/" + PRODUCT + "/" + name + "/7", "closed".getBytes(StandardCharsets.UTF_8), 0, false);

    assertEquals("$rrpc/rxd/" + PRODUCT + "/" + name + "/7 closed", received.get(5, TimeUnit.SECONDS));
    assertTrue(broker.loginRefusals().stream().noneMatch(r -> r.startsWith(clientId + ":")),
        broker.loginRefusals()::toString);
    close(device);
    close(hub);
  }

  @Test
  void refusesAnExpiredLogin() throws Exception {
    String secret = broker.registerDevice(PRODUCT, "expired1");
    String username = KeyLogin.username(PRODUCT, "expired1", System.currentTimeMillis() / 1000 - 1);
    MqttConnectOptions options = KeyLogin.options(username, KeyLogin.password(username, secret, "hmacsha1"));
    MqttException e = assertThrows(MqttException.class, () -> client(PRODUCT + "expired1", options));
    assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, e.getReasonCode());
    assertTrue(broker.loginRefusals().stream().anyMatch(r -> r.startsWith(PRODUCT + "expired1: username's expiry ")
        && r.contains("has passed")), broker.loginRefusals()::toString);
  }

  @Test
  void refusesAnUnregisteredDeviceAndAnAnonymousClient() {
    MqttException unknown = assertThrows(MqttException.class,
        () -> client(PRODUCT + "nobody", KeyLogin.options(PRODUCT, "nobody", "MDEyMzQ1Njc4OWFiY2RlZg==")));
    assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, unknown.getReasonCode());
    MqttConnectOptions anonymous = new MqttConnectOptions();
    anonymous.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    MqttException anon = assertThrows(MqttException.class, () -> client("anonymous", anonymous));
    assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, anon.getReasonCode());
  }

  @Test
  void withoutTheCheckLetsEveryoneIn() throws Exception {
    try (EmbeddedBroker open = EmbeddedBroker.start(false)) {
      MqttConnectOptions anything = KeyLogin.options("anyone", "not a signature");
      MqttAsyncClient c = new MqttAsyncClient(open.uri(), "whoever", new MemoryPersistence());
      c.connect(anything).waitForCompletion(5000);
      assertTrue(c.isConnected());
      close(c);
    }
  }

  @Test
  void aRegisteredSecretCanBeGivenAndIsHandedOutAsBase64() throws Exception {
    broker.registerDevice(PRODUCT, "given1", "MDEyMzQ1Njc4OWFiY2RlZg==");
    close(client(PRODUCT + "given1", KeyLogin.options(PRODUCT, "given1", "MDEyMzQ1Njc4OWFiY2RlZg==")));
    String fresh = broker.registerDevice(PRODUCT, "fresh1");
    assertEquals(16, java.util.Base64.getDecoder().decode(fresh).length);
    assertThrows(IllegalArgumentException.class, () -> broker.registerDevice(PRODUCT, "bad/name"));
    assertThrows(IllegalArgumentException.class, () -> broker.registerDevice(PRODUCT, "x", "not base64!"));
  }

  @Test
  void closingFreesThePort() throws Exception {
    EmbeddedBroker b = EmbeddedBroker.start();
    int port = b.port();
    b.close();
    b.close(); // idempotent
    assertThrows(IOException.class, () -> {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      }
    });
  }

  @Test
  void secretsStayOutOfToString() {
    String secret = broker.registerDevice(PRODUCT, "quiet1");
    assertTrue(!broker.toString().contains(secret));
  }

  private static MqttAsyncClient client(String clientId, MqttConnectOptions options) throws MqttException {
    MqttAsyncClient c = new MqttAsyncClient(broker.uri(), clientId, new MemoryPersistence());
    try {
      c.connect(options).waitForCompletion(5000);
    } catch (MqttException e) {
      c.close(true);
      throw e;
    }
    return c;
  }

  private static MqttCallback callback(CompletableFuture<String> received) {
    return new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        received.complete(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    };
  }

  private static void close(MqttAsyncClient c) throws MqttException {
    c.disconnect().waitForCompletion(5000);
    c.close(true);
  }
}
