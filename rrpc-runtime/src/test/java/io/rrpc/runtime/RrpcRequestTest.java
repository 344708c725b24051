package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command key rule: text requests, JSON requests, and everything in between. */
class RrpcRequestTest {

  static RrpcRequest text(String payload) {
    return RrpcRequest.of("1", payload);
  }

  static RrpcRequest bytes(int... payload) {
    byte[] b = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      b[i] = (byte) payload[i];
    }
    return RrpcRequest.of("1", b);
  }

  static String malformed(String payload) {
    RrpcRequest r = text(payload);
    RrpcException e = assertThrows(RrpcException.class, r::commandKey);
    assertEquals(RrpcException.MALFORMED_JSON, e.code());
    assertThrows(RrpcException.class, r::params);
    return e.getMessage();
  }

  @Test
  void textKeyIsTheFirstWordAndTheRestIsTheArgument() {
    RrpcRequest r = text("  echo \t a b  c \n");
    assertFalse(r.isJson());
    assertEquals("echo", r.commandKey());
    assertEquals("a b  c", r.argumentText());
    assertEquals(0, r.params().size());
    assertEquals("closed", text("closed").commandKey());
    assertEquals("", text("closed").argumentText());
  }

  @Test
  void keysAreCaseSensitiveAndExact() {
    assertEquals("Closed", text("Closed").commandKey());
    assertEquals("closed,", text("closed, now").commandKey());
  }

  @Test
  void blankPayloadHasTheEmptyKey() {
    assertEquals("", text("").commandKey());
    assertEquals("", text(" \t\r\n").commandKey());
    assertEquals("", text("").argumentText());
  }

  @Test
  void jsonKeyIsTheMethodAndParamsFeedParameters() {
    RrpcRequest r = text(" {\"method\":\"setTemperature\",\"params\":{\"celsius\":24},\"id\":7}");
    assertTrue(r.isJson());
    assertEquals("setTemperature", r.commandKey());
    assertEquals(24, r.params().get("celsius").getAsInt());
    assertEquals("{\"celsius\":24}", r.argumentText());
  }

  @Test
  void jsonWithoutOrWithNullParams() {
    assertEquals("", text("{\"method\":\"closed\"}").argumentText());
    assertEquals(0, text("{\"method\":\"closed\",\"params\":null}").params().size());
  }

  @Test
  void malformedJsonRequests() {
    assertEquals("not a valid JSON object", malformed("{\"method\":\"closed\""));
    assertEquals("\"method\" must be a string", malformed("{\"method\":42}"));
    assertEquals("a JSON request needs a \"method\" string", malformed("{\"params\":{}}"));
    assertEquals("\"method\" appears twice", malformed("{\"method\":\"a\",\"method\":\"b\"}"));
    assertEquals("\"params\" must be an object", malformed("{\"method\":\"a\",\"params\":[1]}"));
    assertEquals("data after the JSON object", malformed("{\"method\":\"a\"} {}"));
    assertEquals("not a valid JSON object", malformed("{'method':'a'}"));
    assertEquals("not a valid JSON object", malformed("{"));
  }

  @Test
  void aNameTwiceInsideParamsIsMalformedJson() {
    String twice = "a name appears twice in one object of \"params\"";
    assertEquals(twice, malformed("{\"method\":\"set\",\"params\":{\"celsius\":20,\"celsius\":30}}"));
    assertEquals(twice, malformed("{\"method\":\"set\",\"params\":{\"at\":[{\"h\":1,\"h\":2}]}}"));
    assertEquals(twice, malformed("{\"method\":\"set\",\"params\":{\"o\":{\"k\":1,\"k\":1}}}"));
    // The same name in two different objects is no duplicate.
    RrpcRequest ok = text("{\"method\":\"set\",\"params\":{\"k\":1,\"o\":{\"k\":2},\"a\":[{\"k\":3},{\"k\":4}]}}");
    assertEquals(1, ok.params().get("k").getAsInt());
    assertEquals("{\"k\":1,\"o\":{\"k\":2},\"a\":[{\"k\":3},{\"k\":4}]}", ok.argumentText());
  }

  @Test
  void aByteOrderMarkBeforeTheBraceCountsAsBlank() {
    RrpcRequest json = bytes(0xEF, 0xBB, 0xBF, '{', '"', 'm', 'e', 't', 'h', 'o', 'd', '"', ':', '"', 'a', '"', '}');
    assertTrue(json.isJson());
    assertEquals("a", json.commandKey());
    RrpcRequest spaced = bytes(' ', 0xEF, 0xBB, 0xBF, '\n', '{', '"', 'm', 'e', 't', 'h', 'o', 'd', '"', ':', '"', 'b', '"', '}');
    assertEquals("b", spaced.commandKey());
    RrpcRequest plain = bytes(0xEF, 0xBB, 0xBF, 'c', 'l', 'o', 's', 'e', 'd');
    assertFalse(plain.isJson());
    assertEquals("closed", plain.commandKey());
    assertEquals("", bytes(0xEF, 0xBB, 0xBF).commandKey(), "a lone mark is a blank payload");
  }

  @Test
  void onlyAnObjectMakesAJsonRequest() {
    assertEquals("[\"closed\"]", text("[\"closed\"]").commandKey());
    assertFalse(text("x {\"method\":\"a\"}").isJson());
  }

  @Test
  void nestingIsBounded() {
    StringBuilder shallow = new StringBuilder("{\"method\":\"a\",\"params\":{\"p\":");
    StringBuilder deep = new StringBuilder(shallow);
    for (int i = 0; i < 10; i++) {
      shallow.append('[');
    }
    for (int i = 0; i < 10; i++) {
      shallow.append(']');
    }
    assertEquals("a", text(shallow.append("}}").toString()).commandKey());
    for (int i = 0; i < 10_000; i++) {
      deep.append('[');
    }
    assertEquals("not a valid JSON object", malformed(deep.toString()), "no stack overflow, a clear outcome");
  }

  @Test
  void invalidUtf8ReadsAsReplacementCharacters() {
    RrpcRequest r = bytes('c', 'l', 'o', 's', 'e', 'd', ' ', 0xFF, 0xFE);
    assertEquals("closed", r.commandKey());
    assertEquals("\uFFFD\uFFFD", r.argumentText());
    assertEquals("clo\uFFFDsed", bytes('c', 'l', 'o', 0xC3, 's', 'e', 'd').commandKey());
    RrpcRequest json = bytes('{', '"', 'm', 'e', 't', 'h', 'o', 'd', '"', ':', '"', 'a', 0xFF, '"', '}');
    assertEquals("a\uFFFD", json.commandKey());
  }

  @Test
  void deadlineAndToString() {
    long now = System.nanoTime();
    RrpcRequest r = RrpcRequest.of("42", "secret-payload".getBytes(StandardCharsets.UTF_8), now, now + TimeUnit.SECONDS.toNanos(3));
    assertFalse(r.isExpired());
    assertTrue(r.remaining(TimeUnit.MILLISECONDS) > 0);
    assertEquals("RrpcRequest{processId=42, payload=14 bytes}", r.toString());
    RrpcRequest late = RrpcRequest.of("43", new byte[0], now - 10, now - 5);
    assertTrue(late.isExpired());
  }
}
