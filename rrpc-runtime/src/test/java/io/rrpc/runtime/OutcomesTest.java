package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every outcome that is not a clean success gets its own documented reply, text for text requests and
 * JSON for JSON requests, and the device keeps serving.
 */
class OutcomesTest extends DeviceTestBase {

  @Test
  void unknownCommand() throws Exception {
    start();
    assertEquals("error unknown_command: unknown command \"fly\"", hub.call("fly away"));
    assertEquals("{\"error\":{\"code\":\"unknown_command\",\"message\":\"unknown command \\\"fly\\\"\"}}",
        hub.call("{\"method\":\"fly\"}"));
    assertEquals("error unknown_command: unknown command \"\"", hub.call("   "));
    assertEquals(3, device.metrics().outcome(Outcome.UNKNOWN_COMMAND));
    assertEquals("ok", hub.call("closed"), "still serving");
  }

  @Test
  void fallbackAnswersWhatNobodyDeclared() throws Exception {
    start(builder().dispatcher(new FallbackCommands_RrpcDispatcher("io.rrpc.demo.Fallbacks")));
    assertEquals("unsupported: fly", hub.call("fly"));
    assertEquals("1.0", hub.call("version"));
    assertEquals("ok", hub.call("closed"));
    assertEquals(0, device.metrics().outcome(Outcome.UNKNOWN_COMMAND));
  }

  @Test
  void handlerErrorNeverShowsTheExceptionButTheLogDoes() throws Exception {
    start();
    int mark = LogCapture.INSTANCE.mark();
    assertEquals("error handler_error: the handler failed", hub.call("explode"));
    assertEquals("{\"error\":{\"code\":\"handler_error\",\"message\":\"the handler failed\"}}",
        hub.call("{\"method\":\"explode\"}"));
    assertEquals(2, device.metrics().outcome(Outcome.HANDLER_ERROR));
    assertEquals(2, LogCapture.INSTANCE.count(mark, "compressor fault at 0x1F"),
        "the device log keeps the exception for the developer");
    assertEquals("ok", hub.call("closed"));
  }

  @Test
  void handlerRefusesWithItsOwnCode() throws Exception {
    start();
    assertEquals("error door_open: close the door first", hub.call("door"));
    assertEquals("{\"error\":{\"code\":\"door_open\",\"message\":\"close the door first\"}}",
        hub.call("{\"method\":\"door\",\"params\":{}}"));
    assertEquals(2, device.metrics().outcome(Outcome.REFUSED));
  }

  @Test
  void invalidParams() throws Exception {
    start();
    assertEquals("{\"error\":{\"code\":\"invalid_params\",\"message\":\"param \\\"celsius\\\" must be a 32-bit integer\"}}",
        hub.call("{\"method\":\"setTemperature\",\"params\":{\"celsius\":\"hot\"}}"));
    assertEquals("{\"error\":{\"code\":\"invalid_params\",\"message\":\"param \\\"celsius\\\" is required\"}}",
        hub.call("{\"method\":\"setTemperature\"}"));
    assertEquals("{\"error\":{\"code\":\"invalid_params\",\"message\":\"celsius must be 16..30\"}}",
        hub.call("{\"method\":\"setTemperature\",\"params\":{\"celsius\":40}}"));
    assertEquals(3, device.metrics().outcome(Outcome.INVALID_PARAMS));
  }

  @Test
  void malformedJson() throws Exception {
    start();
    assertEquals("{\"error\":{\"code\":\"malformed_json\",\"message\":\"not a valid JSON object\"}}",
        hub.call("{\"method\":\"closed\""));
    assertEquals("{\"error\":{\"code\":\"malformed_json\",\"message\":\"\\\"method\\\" must be a string\"}}",
        hub.call("  {\"method\":42}"));
    assertEquals(2, device.metrics().outcome(Outcome.MALFORMED_JSON));
    assertEquals(0, device.metrics().handlerCalls(), "no handler was called");
    assertEquals(0, aircon.closedCalls.get());
  }

  @Test
  void payloadOverTheLimitIsRefusedUnhandled() throws Exception {
    start();
    String atLimit = "echo " + repeat('x', RrpcDevice.DEFAULT_MAX_PAYLOAD_BYTES - 5);
    assertEquals(RrpcDevice.DEFAULT_MAX_PAYLOAD_BYTES - 5, hub.call(atLimit).length());
    assertEquals("error payload_too_large: the request is 16385 bytes, the limit is 16384", hub.call(atLimit + "x"));
    String json = "{\"method\":\"closed\",\"params\":{\"pad\":\"" + repeat('y', 20000) + "\"}}";
    assertEquals("{\"error\":{\"code\":\"payload_too_large\",\"message\":\"the request is "
        + json.getBytes(StandardCharsets.UTF_8).length + " bytes, the limit is 16384\"}}", hub.call(json));
    assertEquals(2, device.metrics().outcome(Outcome.PAYLOAD_TOO_LARGE));
    assertEquals(0, aircon.closedCalls.get());
  }

  @Test
  void payloadLimitIsConfigurable() throws Exception {
    start(builder().maxPayloadBytes(10));
    assertEquals("ok", hub.call("closed    "));
    assertEquals("error payload_too_large: the request is 11 bytes, the limit is 10", hub.call("closed     "));
  }

  @Test
  void busyWhenTheQueueIsFull() throws Exception {
    start(builder().workers(1).queueCapacity(1));
    CompletableFuture<byte[]> blocked = hub.send(HubClient.newProcessId(), "block");
    assertTrue(aircon.blockStarted.await(5, TimeUnit.SECONDS));
    CompletableFuture<byte[]> queued = hub.send(HubClient.newProcessId(), "closed");
    CompletableFuture<byte[]> refused = hub.send(HubClient.newProcessId(), "{\"method\":\"closed\"}");

    assertEquals("{\"error\":{\"code\":\"busy\",\"message\":\"the device is busy, try again later\"}}",
        HubClient.text(refused.get(5, TimeUnit.SECONDS)));
    assertFalse(queued.isDone(), "the queued request waits for the worker");
    assertEquals(1, device.metrics().queued());

    aircon.release.countDown();
    assertEquals("unblocked", HubClient.text(blocked.get(5, TimeUnit.SECONDS)));
    assertEquals("ok", HubClient.text(queued.get(5, TimeUnit.SECONDS)));
    assertEquals(1, device.metrics().outcome(Outcome.BUSY));
    assertEquals(1, aircon.closedCalls.get());
  }

  @Test
  void errorRepliesAreReplaceableThroughOnePolicy() throws Exception {
    start(builder().errorReplyPolicy((outcome, code, message, request) ->
        ("ERR " + code + " " + outcome + " " + (request.isJson() ? "json" : "text")).getBytes(StandardCharsets.UTF_8)));
    assertEquals("ERR unknown_command UNKNOWN_COMMAND text", hub.call("fly"));
    assertEquals("ERR door_open REFUSED json", hub.call("{\"method\":\"door\"}"));
    assertEquals("ok", hub.call("closed"), "successful replies are the handler's");
  }

  @Test
  void aBrokenPolicyFallsBackToTheStandardReply() throws Exception {
    start(builder().errorReplyPolicy((outcome, code, message, request) -> {
      if (outcome == Outcome.UNKNOWN_COMMAND) {
        throw new IllegalStateException("policy bug");
      }
      return null;
    }));
    assertEquals("error unknown_command: unknown command \"fly\"", hub.call("fly"));
    assertEquals("error door_open: close the door first", hub.call("door"));
  }

  static String repeat(char c, int n) {
    char[] chars = new char[n];
    java.util.Arrays.fill(chars, c);
    return new String(chars);
  }
}
