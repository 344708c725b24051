package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.Outcome;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.RrpcResult;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every outcome that is not a clean success gets its own documented reply, text for text requests and
 * JSON for JSON requests, and the device keeps serving.
 */
class OutcomesTest extends DeviceTestBase {

  /** A hub that lets oversized requests through, so that the device's own limit is what answers them. */
  @Override
  HubSimulator.Builder hubBuilder() {
    return super.hubBuilder().payloadLimit(64 * 1024);
  }

  @Test
  void unknownCommand() throws Exception {
    start();
    assertEquals("error unknown_command: unknown command \"fly\"", call("fly away"));
    assertEquals("{\"error\":{\"code\":\"unknown_command\",\"message\":\"unknown command \\\"fly\\\"\"}}",
        call("{\"method\":\"fly\"}"));
    assertEquals("error unknown_command: unknown command \"\"", call("   "));
    assertEquals(3, device.metrics().outcome(Outcome.UNKNOWN_COMMAND));
    assertEquals("ok", call("closed"), "still serving");
  }

  @Test
  void fallbackAnswersWhatNobodyDeclared() throws Exception {
    start(builder().dispatcher(new FallbackCommands_RrpcDispatcher(new FallbackCommands())));
    assertEquals("unsupported: fly", call("fly"));
    assertEquals("1.0", call("version"));
    assertEquals("ok", call("closed"));
    assertEquals(0, device.metrics().outcome(Outcome.UNKNOWN_COMMAND));
  }

  @Test
  void handlerErrorNeverShowsTheExceptionButTheLogDoes() throws Exception {
    start();
    int mark = LogCapture.INSTANCE.mark();
    assertEquals("error handler_error: the handler failed", call("explode"));
    assertEquals("{\"error\":{\"code\":\"handler_error\",\"message\":\"the handler failed\"}}",
        call("{\"method\":\"explode\"}"));
    assertEquals(2, device.metrics().outcome(Outcome.HANDLER_ERROR));
    assertEquals(2, LogCapture.INSTANCE.count(mark, "compressor fault at 0x1F"),
        "the device log keeps the exception for the developer");
    assertEquals("ok", call("closed"));
  }

  @Test
  void handlerRefusesWithItsOwnCode() throws Exception {
    start();
    assertEquals("error door_open: close the door first", call("door"));
    assertEquals("{\"error\":{\"code\":\"door_open\",\"message\":\"close the door first\"}}",
        call("{\"method\":\"door\",\"params\":{}}"));
    assertEquals(2, device.metrics().outcome(Outcome.REFUSED));
  }

  @Test
  void invalidParams() throws Exception {
    start();
    assertEquals("{\"error\":{\"code\":\"invalid_params\",\"message\":\"param \\\"celsius\\\" must be a 32-bit integer\"}}",
        call("{\"method\":\"setTemperature\",\"params\":{\"celsius\":\"hot\"}}"));
    assertEquals("{\"error\":{\"code\":\"invalid_params\",\"message\":\"param \\\"celsius\\\" is required\"}}",
        call("{\"method\":\"setTemperature\"}"));
    assertEquals("{\"error\":{\"code\":\"invalid_params\",\"message\":\"celsius must be 16..30\"}}",
        call("{\"method\":\"setTemperature\",\"params\":{\"celsius\":40}}"));
    assertEquals(3, device.metrics().outcome(Outcome.INVALID_PARAMS));
  }

  @Test
  void malformedJson() throws Exception {
    start();
    assertEquals("{\"error\":{\"code\":\"malformed_json\",\"message\":\"not a valid JSON object\"}}",
        call("{\"method\":\"closed\""));
    assertEquals("{\"error\":{\"code\":\"malformed_json\",\"message\":\"\\\"method\\\" must be a string\"}}",
        call("  {\"method\":42}"));
    assertEquals(2, device.metrics().outcome(Outcome.MALFORMED_JSON));
    assertEquals(0, device.metrics().handlerCalls(), "no handler was called");
    assertEquals(0, aircon.closedCalls.get());
  }

  @Test
  void payloadOverTheLimitIsRefusedUnhandled() throws Exception {
    start();
    String atLimit = "echo " + repeat('x', RrpcDevice.DEFAULT_MAX_PAYLOAD_BYTES - 5);
    assertEquals(RrpcDevice.DEFAULT_MAX_PAYLOAD_BYTES - 5, call(atLimit).length());
    assertEquals("error payload_too_large: the request is 16385 bytes, the limit is 16384", call(atLimit + "x"));
    String json = "{\"method\":\"closed\",\"params\":{\"pad\":\"" + repeat('y', 20000) + "\"}}";
    assertEquals("{\"error\":{\"code\":\"payload_too_large\",\"message\":\"the request is "
        + json.getBytes(StandardCharsets.UTF_8).length + " bytes, the limit is 16384\"}}", call(json));
    assertEquals(2, device.metrics().outcome(Outcome.PAYLOAD_TOO_LARGE));
    assertEquals(0, aircon.closedCalls.get());
  }

  @Test
  void payloadLimitIsConfigurable() throws Exception {
    start(builder().maxPayloadBytes(10));
    assertEquals("ok", call("closed    "));
    assertEquals("error payload_too_large: the request is 11 bytes, the limit is 10", call("closed     "));
  }

  @Test
  void busyWhenTheQueueIsFull() throws Exception {
    start(builder().workers(1).queueCapacity(1));
    CompletableFuture<RrpcResult> blocked = send("block");
    assertTrue(aircon.blockStarted.await(5, TimeUnit.SECONDS));
    CompletableFuture<RrpcResult> queued = send("closed");
    CompletableFuture<RrpcResult> refused = send("{\"method\":\"closed\"}");

    assertEquals("{\"error\":{\"code\":\"busy\",\"message\":\"the device is busy, try again later\"}}",
        text(refused));
    assertFalse(queued.isDone(), "the queued request waits for the worker");
    assertEquals(1, device.metrics().queued());

    aircon.release.countDown();
    assertEquals("unblocked", text(blocked));
    assertEquals("ok", text(queued));
    assertEquals(1, device.metrics().outcome(Outcome.BUSY));
    assertEquals(1, aircon.closedCalls.get());
  }

  @Test
  void errorRepliesAreReplaceableThroughOnePolicy() throws Exception {
    start(builder().errorReplyPolicy((outcome, code, message, request) ->
        ("ERR " + code + " " + outcome + " " + (request.isJson() ? "json" : "text")).getBytes(StandardCharsets.UTF_8)));
    assertEquals("ERR unknown_command UNKNOWN_COMMAND text", call("fly"));
    assertEquals("ERR door_open REFUSED json", call("{\"method\":\"door\"}"));
    assertEquals("ok", call("closed"), "successful replies are the handler's");
  }

  @Test
  void aBrokenPolicyFallsBackToTheStandardReply() throws Exception {
    start(builder().errorReplyPolicy((outcome, code, message, request) -> {
      if (outcome == Outcome.UNKNOWN_COMMAND) {
        throw new IllegalStateException("policy bug");
      }
      return null;
    }));
    assertEquals("error unknown_command: unknown command \"fly\"", call("fly"));
    assertEquals("error door_open: close the door first", call("door"));
  }

  static String repeat(char c, int n) {
    char[] chars = new char[n];
    java.util.Arrays.fill(chars, c);
    return new String(chars);
  }
}
