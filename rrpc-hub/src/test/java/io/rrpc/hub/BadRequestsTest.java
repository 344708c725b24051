package io.rrpc.hub;

import static io.rrpc.hub.TestHub.DEVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.rrpc.hub.api.ApiErrors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests Tencent's SDKs would not send get Tencent-style errors, and the hub keeps serving: after each
 * one, a normal call through Tencent's CommonClient still gets its reply.
 */
class BadRequestsTest {
  private static TestHub hub;
  private static RawApi raw;

  @BeforeAll
  static void start() {
    hub = new TestHub(1, o -> o.maxBodyBytes(64 * 1024).requestTimeout(Duration.ofSeconds(3)));
    raw = new RawApi(hub.hub);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @AfterEach
  void theHubKeepsServing() throws Exception {
    JsonObject r = CommonClientEndToEndTest.call(hub.client("2021-04-08"), "PublishRRPCMessage",
        CommonClientEndToEndTest.rrpc(DEVICE, "closed"));
    assertEquals("b2s=", r.get("PayloadBase64").getAsString());
  }

  @Test
  void aTimestampSixMinutesOldIsSignatureExpire() throws Exception {
    JsonObject r = raw.post("PublishRRPCMessage", "application/json",
        CommonClientEndToEndTest.rrpc(DEVICE, "closed").toString().getBytes(StandardCharsets.UTF_8),
        System.currentTimeMillis() / 1000 - 360);
    assertEquals(ApiErrors.SIGNATURE_EXPIRE, RawApi.code(r));
    assertTrue(r.has("RequestId"));
  }

  @Test
  void aCorrectlySignedRawRequestIsServed() throws Exception {
    JsonObject r = raw.post("PublishRRPCMessage", CommonClientEndToEndTest.rrpc(DEVICE, "echo raw").toString());
    assertEquals("cmF3", r.get("PayloadBase64").getAsString());
  }

  @Test
  void badJsonIsInvalidParameter() throws Exception {
    assertEquals(ApiErrors.INVALID_PARAMETER, RawApi.code(raw.post("PublishRRPCMessage", "{\"ProductId\": ")));
    assertEquals(ApiErrors.INVALID_PARAMETER, RawApi.code(raw.post("PublishRRPCMessage", "[1, 2]")));
    assertEquals(ApiErrors.INVALID_PARAMETER, RawApi.code(raw.post("PublishRRPCMessage", "")));
  }

  @Test
  void aWrongContentTypeIsInvalidParameter() throws Exception {
    JsonObject r = raw.post("PublishRRPCMessage", "text/plain",
        CommonClientEndToEndTest.rrpc(DEVICE, "closed").toString().getBytes(StandardCharsets.UTF_8),
        System.currentTimeMillis() / 1000);
    assertEquals(ApiErrors.INVALID_PARAMETER, RawApi.code(r));
  }

  @Test
  void aBodyOverTheLimitIsRequestSizeLimitExceeded() throws Exception {
    byte[] big = new byte[200 * 1024];
    java.util.Arrays.fill(big, (byte) 'x');
    JsonObject r = raw.post("PublishRRPCMessage", "application/json", big, System.currentTimeMillis() / 1000);
    assertEquals(ApiErrors.REQUEST_SIZE_LIMIT_EXCEEDED, RawApi.code(r));
  }

  @Test
  void aClientThatStallsMidRequestGetsInvalidRequestAndItsConnectionClosed() throws Exception {
    String answer = raw.sendAndStall("POST / HTTP/1.1\r\nHost: " + hub.hub.apiEndpoint()
        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"ProductId\":");
    assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    JsonObject response = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("Response");
    assertEquals(ApiErrors.INVALID_REQUEST, RawApi.code(response));
  }

  @Test
  void aGetRequestIsInvalidRequest() throws Exception {
    String answer = raw.sendAndStall("GET /?Action=DescribeDevice HTTP/1.1\r\nHost: " + hub.hub.apiEndpoint()
        + "\r\nConnection: close\r\n\r\n");
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertEquals(ApiErrors.INVALID_REQUEST,
        RawApi.code(JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("Response")));
  }
}
