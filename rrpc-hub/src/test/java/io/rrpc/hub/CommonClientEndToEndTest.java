package io.rrpc.hub;

import static io.rrpc.hub.TestHub.DEVICE;
import static io.rrpc.hub.TestHub.OFFLINE_DEVICE;
import static io.rrpc.hub.TestHub.PRODUCT;
import static io.rrpc.hub.TestHub.SILENT_DEVICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.CommonRequest;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.rrpc.hub.api.ApiErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tencent's own {@code CommonClient} (tencentcloud-sdk-java-common) against the hub over HTTP, signing
 * for the custom endpoint exactly as it does for any user: every action, every error code it can get.
 */
class CommonClientEndToEndTest {
  private static TestHub hub;

  @BeforeAll
  static void start() {
    hub = new TestHub(1, o -> o.payloadLimit(64));
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2018-06-14", "2021-04-08"})
  void publishRrpcMessageReturnsTheDevicesReplyInBase64(String version) throws Exception {
    JsonObject r = call(hub.client(version), "PublishRRPCMessage", rrpc(DEVICE, "closed"));
    assertEquals("b2s=", r.get("PayloadBase64").getAsString());
    assertTrue(r.get("MessageId").getAsLong() > 0);
    assertTrue(r.has("RequestId"));
  }

  @Test
  void eachCallGetsAFreshMessageId() throws Exception {
    long first = call(hub.client("2021-04-08"), "PublishRRPCMessage", rrpc(DEVICE, "echo a")).get("MessageId").getAsLong();
    long second = call(hub.client("2021-04-08"), "PublishRRPCMessage", rrpc(DEVICE, "echo b")).get("MessageId").getAsLong();
    assertTrue(second != first);
  }

  @Test
  void describeDeviceTellsOnlineAndLoginTime() throws Exception {
    JsonObject online = call(hub.client("2021-04-08"), "DescribeDevice", device(DEVICE));
    assertEquals(DEVICE, online.get("DeviceName").getAsString());
    assertEquals(1, online.get("Online").getAsInt());
    assertTrue(online.get("LoginTime").getAsLong() > 0);

    JsonObject offline = call(hub.client("2018-06-14"), "DescribeDevice", device(OFFLINE_DEVICE));
    assertEquals(0, offline.get("Online").getAsInt());
    assertEquals(0, offline.get("LoginTime").getAsLong());
  }

  @Test
  void publishMessageReachesTheDevicesTopic() throws Exception {
    try (KeyLoginClient silent = new KeyLoginClient(hub.hub.mqttUri(), PRODUCT, SILENT_DEVICE, hub.secret(SILENT_DEVICE))) {
      String topic = PRODUCT + "/" + SILENT_DEVICE + "/control";
      java.util.concurrent.CompletableFuture<byte[]> received = silent.firstMessage(topic, 1);
      JsonObject request = device(SILENT_DEVICE);
      request.addProperty("Topic", topic);
      request.addProperty("Payload", Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255}));
      request.addProperty("PayloadEncoding", "base64");
      request.addProperty("Qos", 1);
      call(hub.client("2021-04-08"), "PublishMessage", request);
      assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, received.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  @SuppressWarnings("try") // the client only needs to be connected
  void aConnectedDeviceWithoutTheRrpcSubscriptionIsDeviceNoSubscription() throws Exception {
    try (KeyLoginClient silent = new KeyLoginClient(hub.hub.mqttUri(), PRODUCT, SILENT_DEVICE, hub.secret(SILENT_DEVICE))) {
      assertError(ApiErrors.DEVICE_NO_SUBSCRIPTION, hub.client("2021-04-08"), "PublishRRPCMessage", rrpc(SILENT_DEVICE, "closed"));
    }
  }

  @Test
  void aRegisteredDeviceThatIsNotConnectedIsDeviceOffline() throws Exception {
    assertError(ApiErrors.DEVICE_OFFLINE, hub.client("2021-04-08"), "PublishRRPCMessage", rrpc(OFFLINE_DEVICE, "closed"));
  }

  @Test
  void anUnknownDeviceIsDeviceNotExistForEveryAction() throws Exception {
    assertError(ApiErrors.DEVICE_NOT_EXIST, hub.client("2021-04-08"), "PublishRRPCMessage", rrpc("nobody", "closed"));
    assertError(ApiErrors.DEVICE_NOT_EXIST, hub.client("2021-04-08"), "DescribeDevice", device("nobody"));
    JsonObject publish = device("nobody");
    publish.addProperty("Topic", PRODUCT + "/nobody/control");
    publish.addProperty("Payload", "x");
    assertError(ApiErrors.DEVICE_NOT_EXIST, hub.client("2021-04-08"), "PublishMessage", publish);
  }

  @Test
  void aPayloadOverTheLimitIsPayloadOverLimit() throws Exception {
    assertError(ApiErrors.PAYLOAD_OVER_LIMIT, hub.client("2021-04-08"), "PublishRRPCMessage",
        rrpc(DEVICE, "echo " + "x".repeat(100)));
  }

  @Test
  void missingMistypedAndUnknownParametersAreReported() throws Exception {
    JsonObject noPayload = device(DEVICE);
    assertError(ApiErrors.MISSING_PARAMETER, hub.client("2021-04-08"), "PublishRRPCMessage", noPayload);
    JsonObject numberPayload = device(DEVICE);
    numberPayload.addProperty("Payload", 42);
    assertError(ApiErrors.INVALID_PARAMETER, hub.client("2021-04-08"), "PublishRRPCMessage", numberPayload);
    JsonObject extra = rrpc(DEVICE, "closed");
    extra.addProperty("Productid", PRODUCT);
    assertError(ApiErrors.UNKNOWN_PARAMETER, hub.client("2021-04-08"), "PublishRRPCMessage", extra);
    JsonObject badTopic = device(DEVICE);
    badTopic.addProperty("Topic", "someone/else/topic");
    badTopic.addProperty("Payload", "x");
    assertError(ApiErrors.INVALID_PARAMETER_VALUE, hub.client("2021-04-08"), "PublishMessage", badTopic);
  }

  @Test
  void anyOtherActionIsInvalidAction() throws Exception {
    assertError(ApiErrors.INVALID_ACTION, hub.client("2021-04-08"), "DeleteDevice", device(DEVICE));
  }

  @Test
  void anotherApiVersionIsNoSuchVersion() throws Exception {
    assertError(ApiErrors.NO_SUCH_VERSION, hub.client("2019-04-23"), "PublishRRPCMessage", rrpc(DEVICE, "closed"));
  }

  @Test
  void aWrongSecretKeyIsSignatureFailure() throws Exception {
    CommonClient wrongKey = CloudClients.iotcloud("http://" + hub.hub.apiEndpoint(), null, "2021-04-08",
        hub.hub.credentials().secretId(), "not-the-secret-key");
    assertError(ApiErrors.SIGNATURE_FAILURE, wrongKey, "PublishRRPCMessage", rrpc(DEVICE, "closed"));
  }

  @Test
  void anotherSecretIdIsSecretIdNotFound() throws Exception {
    CommonClient wrongId = CloudClients.iotcloud("http://" + hub.hub.apiEndpoint(), null, "2021-04-08",
        "AKIDsomeoneelse", hub.hub.credentials().secretKey());
    assertError(ApiErrors.SECRET_ID_NOT_FOUND, wrongId, "PublishRRPCMessage", rrpc(DEVICE, "closed"));
  }

  @Test
  void aSlowDeviceIsRrpcTimeout() throws Exception {
    try (TestHub quick = new TestHub(1, o -> o.rrpcTimeout(java.time.Duration.ofMillis(300)))) {
      assertError(ApiErrors.RRPC_TIMEOUT, quick.client("2021-04-08"), "PublishRRPCMessage", rrpc(DEVICE, "slow"));
    }
  }

  @Test
  void callsBeyondTheRateAreRequestLimitExceeded() throws Exception {
    try (TestHub limited = new TestHub(1, o -> o.rrpcRate(1))) {
      int calls = 20;
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(calls);
      try {
        java.util.List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(calls);
        for (int i = 0; i < calls; i++) {
          CommonClient client = limited.client("2021-04-08");
          outcomes.add(pool.submit(() -> {
            ready.countDown();
            ready.await();
            try {
              call(client, "PublishRRPCMessage", rrpc(DEVICE, "closed"));
              return "ok";
            } catch (TencentCloudSDKException e) {
              return e.getErrorCode();
            }
          }));
        }
        java.util.List<String> codes = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<String> f : outcomes) {
          codes.add(f.get(60, TimeUnit.SECONDS));
        }
        // 1 call per second with a burst of 1: twenty calls started together cannot all pass.
        assertTrue(codes.contains(ApiErrors.REQUEST_LIMIT_EXCEEDED), codes.toString());
        assertTrue(codes.contains("ok"), codes.toString());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  static JsonObject call(CommonClient client, String action, JsonObject params) throws TencentCloudSDKException {
    String body = client.commonRequest(new CommonRequest(params.toString()), action);
    return JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("Response");
  }

  static void assertError(String code, CommonClient client, String action, JsonObject params) {
    TencentCloudSDKException e = assertThrows(TencentCloudSDKException.class, () -> call(client, action, params));
    assertEquals(code, e.getErrorCode(), e.toString());
    assertTrue(e.getRequestId() != null && !e.getRequestId().isEmpty(), "a RequestId comes with every error");
  }

  static JsonObject device(String deviceName) {
    JsonObject o = new JsonObject();
    o.addProperty("ProductId", PRODUCT);
    o.addProperty("DeviceName", deviceName);
    return o;
  }

  static JsonObject rrpc(String deviceName, String payload) {
    JsonObject o = device(deviceName);
    o.addProperty("Payload", payload);
    return o;
  }

  static String text(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
