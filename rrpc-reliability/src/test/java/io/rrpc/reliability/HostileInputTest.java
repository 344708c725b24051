package io.rrpc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.RrpcMetrics;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.MosquittoBroker;
import io.rrpc.testkit.junit5.RrpcHubExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hostile input matrix, against one live device on the embedded broker: each input gets its
 * documented outcome, and after each one a normal request is answered. Inputs go through a raw MQTT
 * client, not the hub simulator, which would refuse most of them.
 */
class HostileInputTest {
  @RegisterExtension
  static final RrpcHubExtension HUB = RrpcHubExtension.embedded();

  /** Larger than the default 16 KiB so that 10,000 levels of nesting reach the JSON parser. */
  private static final int MAX_PAYLOAD = 64 * 1024;
  private static final String P = DeviceUnderTest.PRODUCT;
  private static final AtomicLong IDS = new AtomicLong(1_000_000);

  private static DeviceUnderTest dut;
  private static ReplyWatcher raw;
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startDevice(HubSimulator hub, EmbeddedBroker embedded) throws Exception {
    broker = embedded;
    dut = DeviceUnderTest.start(hub, embedded, b -> b.maxPayloadBytes(MAX_PAYLOAD));
    raw = new ReplyWatcher(embedded.uri(), embedded.serviceConnectOptions());
  }

  @AfterAll
  static void stopDevice() throws Exception {
    raw.close();
    dut.close();
    assertEquals(0, dut.unsettled(), "every accepted request got an outcome");
  }

  // ---- payloads: each is answered with its documented reply ----

  @Test
  void anEmptyPayloadHasTheEmptyCommandKey() throws Exception {
    answered("empty payload", "`unknown_command` (text reply)", new byte[0],
        r -> r.equals("error unknown_command: unknown command \"\""));
  }

  @Test
  void aPayloadOverTheLimitIsRefusedUnread() throws Exception {
    byte[] text = new byte[1024 * 1024];
    Arrays.fill(text, (byte) 'x');
    answered("1 MiB text payload", "`payload_too_large` (text reply)", text,
        r -> r.equals("error payload_too_large: the request is 1048576 bytes, the limit is " + MAX_PAYLOAD));
    byte[] json = new byte[1024 * 1024];
    Arrays.fill(json, (byte) ' ');
    byte[] head = "{\"method\":\"echo\",\"params\":{\"pad\":\"".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, json, 0, head.length);
    answered("1 MiB JSON payload", "`payload_too_large` (JSON reply)", json,
        r -> r.startsWith("{\"error\":{\"code\":\"payload_too_large\""));
  }

  @Test
  void invalidUtf8IsReadWithReplacementCharacters() throws Exception {
    byte[] payload = concat("echo a".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, (byte) 0xFE, 'b', (byte) 0xC3});
    answered("invalid UTF-8 in a text request (`echo a\\xFF\\xFEb\\xC3`)", "decoded with U+FFFD for each malformed sequence; handler runs",
        payload, r -> r.equals("a\uFFFD\uFFFDb\uFFFD"));
    answered("invalid UTF-8 inside a JSON method name", "U+FFFD in the key: `unknown_command` (JSON reply)",
        concat("{\"method\":\"echo".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, '"', '}'}),
        r -> r.startsWith("{\"error\":{\"code\":\"unknown_command\""));
    answered("NUL bytes inside a text request", "ordinary characters: echoed", "echo a\0b".getBytes(StandardCharsets.UTF_8),
        r -> r.equals("a\0b"));
  }

  @Test
  void malformedJsonIsRefusedAsSuch() throws Exception {
    malformed("truncated JSON", "{\"method\":\"setTemp\",\"params\":{\"celsius\":");
    malformed("`method` a number", "{\"method\":42}");
    malformed("`method` null", "{\"method\":null}");
    malformed("`method` an array", "{\"method\":[\"echo\"]}");
    malformed("`method` an object", "{\"method\":{\"name\":\"echo\"}}");
    malformed("`method` missing", "{\"params\":{}}");
    malformed("`method` twice", "{\"method\":\"echo\",\"method\":\"fail\"}");
    malformed("`params` an array", "{\"method\":\"echo\",\"params\":[1]}");
    malformed("data after the JSON object", "{\"method\":\"echo\"} trailing");
    malformed("single quotes (lenient JSON)", "{'method':'echo'}");
  }

  @Test
  void deepNestingIsRefusedWithoutExhaustingTheStack() throws Exception {
    int levels = 10_000;
    malformed("10,000 nested arrays in `params`", "{\"method\":\"echo\",\"params\":{\"a\":" + repeat("[", levels)
        + repeat("]", levels) + "}}");
    malformed("10,000 nested objects in `params`", "{\"method\":\"echo\",\"params\":" + repeat("{\"a\":", levels)
        + "1" + repeat("}", levels) + "}");
    malformed("10,000 nested arrays in an ignored member", "{\"x\":" + repeat("[", levels) + repeat("]", levels)
        + ",\"method\":\"echo\"}");
  }

  @Test
  void hugeNumbersAreInvalidParams() throws Exception {
    invalidParams("huge exponent for an int (`1e999999999`)", "{\"method\":\"setTemp\",\"params\":{\"celsius\":1e999999999}}");
    invalidParams("30-digit number for an int", "{\"method\":\"setTemp\",\"params\":{\"celsius\":123456789012345678901234567890}}");
    invalidParams("1,000-digit number for an int", "{\"method\":\"setTemp\",\"params\":{\"celsius\":" + repeat("9", 1_000) + "}}");
    // Gson's strict reader takes a number literal longer than its 1 KiB buffer for an unquoted string.
    malformed("60,000-digit number", "{\"method\":\"setTemp\",\"params\":{\"celsius\":" + repeat("9", 60_000) + "}}");
    invalidParams("fraction for an int (`24.5`)", "{\"method\":\"setTemp\",\"params\":{\"celsius\":24.5}}");
    invalidParams("`1e400` for an Integer", "{\"method\":\"setTemp\",\"params\":{\"celsius\":24,\"fan\":1e400}}");
  }

  @Test
  void wrongMissingAndExtraParams() throws Exception {
    invalidParams("wrong type: string for an int", "{\"method\":\"setTemp\",\"params\":{\"celsius\":\"hot\"}}");
    invalidParams("wrong type: boolean for an int", "{\"method\":\"setTemp\",\"params\":{\"celsius\":true}}");
    invalidParams("wrong type: number for a String", "{\"method\":\"setTemp\",\"params\":{\"celsius\":24,\"mode\":5}}");
    invalidParams("missing required param", "{\"method\":\"setTemp\",\"params\":{}}");
    invalidParams("missing `params` altogether", "{\"method\":\"setTemp\"}");
    invalidParams("out of the handler's range (handler refuses)", "{\"method\":\"setTemp\",\"params\":{\"celsius\":99}}");
    answered("extra params", "ignored; handler runs", json("{\"method\":\"setTemp\",\"params\":{\"celsius\":24,\"bogus\":[1,{\"x\":null}]}}"),
        r -> r.equals("{\"celsius\":24,\"mode\":\"auto\",\"fan\":0}"));
  }

  @Test
  void aFailingHandlerNeverLeaksItsExceptionMessage() throws Exception {
    answered("handler throws IllegalStateException", "`handler_error` with a fixed message",
        "fail".getBytes(StandardCharsets.UTF_8), r -> r.equals("error handler_error: the handler failed"));
    answered("unknown command", "`unknown_command`", "selfDestruct now".getBytes(StandardCharsets.UTF_8),
        r -> r.equals("error unknown_command: unknown command \"selfDestruct\""));
  }

  // ---- topics: processIds the device cannot answer, and requests for someone else ----

  @Test
  void processIdsThatCannotBeAnsweredSafelyAreDroppedAndCounted() throws Exception {
    String prefix = "$rrpc/rxd/" + P + "/" + dut.name + "/";
    dropped("empty processId (`.../`)", prefix);
    dropped("65-character processId", prefix + repeat("7", 65));
    dropped("unicode processId (`进程42`)", prefix + "进程42");
    dropped("processId with a space", prefix + "4 2");
    String id64 = repeat("6", 64);
    replied("64-character processId (the limit)", "answered on its own reply topic",
        raw.call(P, dut.name, id64, "echo edge".getBytes(StandardCharsets.UTF_8)), "edge"::equals);
  }

  @Test
  void requestsForAnotherDeviceOrProductNeverReachThisDevice() throws Exception {
    notDelivered("extra topic level (`.../1/2`)", "$rrpc/rxd/" + P + "/" + dut.name + "/1/2");
    notDelivered("no processId level (`.../{device}`)", "$rrpc/rxd/" + P + "/" + dut.name);
    notDelivered("another device of the product", "$rrpc/rxd/" + P + "/" + dut.name + "x/42");
    notDelivered("another product, same device name", "$rrpc/rxd/OTHERPROD1/" + dut.name + "/42");
    notDelivered("the reply topic instead of the request topic", "$rrpc/txd/" + P + "/" + dut.name + "/42");
  }

  @Test
  void wildcardsAndNulInATopicNameNeverReachTheDevice() throws Exception {
    String prefix = "$rrpc/rxd/" + P + "/" + dut.name + "/";
    forbiddenTopic("`+` as processId", prefix + "+");
    forbiddenTopic("`#` as processId", prefix + "#");
    forbiddenTopic("NUL inside the processId", prefix + "4\u00002");
  }

  @Test
  void mosquittoRefusesForbiddenTopicNamesItself() throws Exception {
    try (MosquittoBroker mosquitto = MosquittoBroker.startOrSkip();
        HubSimulator hub = HubSimulator.connect(mosquitto);
        DeviceUnderTest device = DeviceUnderTest.start(hub, mosquitto)) {
      String prefix = "$rrpc/rxd/" + P + "/" + device.name + "/";
      String[][] cases = {{"`+` as processId", prefix + "+"}, {"`#` as processId", prefix + "#"},
          {"NUL inside the processId", prefix + "4\u00002"}};
      for (String[] c : cases) {
        long connections = device.proxy.acceptedConnections();
        long received = device.device.metrics().received();
        RawMqtt.BrokerReaction reaction = RawMqtt.publish(mosquitto.port(), null, null, c[1],
            "echo hostile".getBytes(StandardCharsets.UTF_8));
        String text = "alive-" + IDS.incrementAndGet();
        boolean serving = text.equals(hub.publishRrpc(P, device.name, "echo " + text).payloadText());
        boolean delivered = device.device.metrics().received() - received > 1
            || device.proxy.acceptedConnections() > connections;
        ReliabilityReport.INSTANCE.hostile(c[0] + " (raw PUBLISH, forbidden by MQTT) on Mosquitto",
            "never answered; the broker refuses it", (reaction == RawMqtt.BrokerReaction.DISCONNECTED
                ? "Mosquitto disconnected the publisher" : "Mosquitto kept the publisher connected")
                + (delivered ? "; **delivered to the device**" : "; not delivered") + "; no reply", serving);
        assertTrue(serving, c[0]);
        assertFalse(delivered, c[0] + " reached the device");
      }
    }
  }

  // ---- helpers ----

  private void answered(String input, String documented, byte[] payload, Predicate<String> expected) throws Exception {
    String id = Long.toString(IDS.incrementAndGet());
    replied(input, documented, raw.call(P, dut.name, id, payload), expected);
  }

  private void replied(String input, String documented, byte[] reply, Predicate<String> expected) throws Exception {
    String text = new String(reply, StandardCharsets.UTF_8);
    boolean serving = stillServing();
    ReliabilityReport.INSTANCE.hostile(input, documented, "answered: `" + abbreviate(text) + "`", serving);
    assertTrue(expected.test(text), input + ": unexpected reply " + text);
    assertTrue(serving, input + ": the device stopped serving");
  }

  private void malformed(String input, String json) throws Exception {
    answered(input, "`malformed_json` (JSON reply)", json(json), r -> r.startsWith("{\"error\":{\"code\":\"malformed_json\""));
  }

  private void invalidParams(String input, String json) throws Exception {
    answered(input, "`invalid_params` (JSON reply)", json(json), r -> r.startsWith("{\"error\":{\"code\":\"invalid_params\""));
  }

  /** Delivered to the device, which cannot make a safe reply topic from it: dropped, counted, no reply. */
  private void dropped(String input, String topic) throws Exception {
    RrpcMetrics before = dut.device.metrics();
    raw.publish(topic, "echo hostile".getBytes(StandardCharsets.UTF_8));
    boolean serving = stillServing(); // same publisher, same subscriber: arrives after the hostile one
    RrpcMetrics after = dut.device.metrics();
    long invalid = after.invalidRequestsDropped() - before.invalidRequestsDropped();
    ReliabilityReport.INSTANCE.hostile(input, "dropped unanswered, counted in `invalidRequestsDropped`",
        invalid == 1 ? "dropped, counted; no reply" : "invalidRequestsDropped +" + invalid, serving);
    assertEquals(1, invalid, input);
    assertTrue(raw.unexpectedReplies.isEmpty(), () -> input + ": replied on " + raw.unexpectedReplies);
    assertTrue(serving);
  }

  /** Outside the device's subscription: the broker never delivers it, so the device neither sees nor answers it. */
  private void notDelivered(String input, String topic) throws Exception {
    RrpcMetrics before = dut.device.metrics();
    raw.publish(topic, "echo hostile".getBytes(StandardCharsets.UTF_8));
    boolean serving = stillServing();
    long received = dut.device.metrics().received() - before.received() - 1; // minus the sentinel
    raw.unexpectedReplies.remove(topic); // the watcher's own publish, when it went to a reply topic
    ReliabilityReport.INSTANCE.hostile(input, "never delivered (subscription scope), no reply",
        received == 0 ? "not received by the device; no reply" : "**received " + received + "**", serving);
    assertEquals(0, received, input + " reached the device");
    assertTrue(raw.unexpectedReplies.isEmpty(), () -> input + ": replied on " + raw.unexpectedReplies);
    assertTrue(serving);
  }

  /**
   * A topic name the spec forbids in a PUBLISH, sent byte by byte. Moquette refuses {@code +} and
   * {@code #} but forwards NUL, which Paho's receiver cannot decode: the device must then drop that
   * connection and reconnect at once (a runtime fix this test found), so "still serving" is awaited.
   */
  private void forbiddenTopic(String input, String topic) throws Exception {
    RrpcMetrics before = dut.device.metrics();
    long connections = dut.proxy.acceptedConnections();
    MqttConnectOptions service = broker.serviceConnectOptions();
    long sent = System.nanoTime();
    RawMqtt.BrokerReaction reaction = RawMqtt.publish(broker.port(), service.getUserName(), service.getPassword(),
        topic, "echo hostile".getBytes(StandardCharsets.UTF_8));
    boolean serving = awaitServing();
    long servingAfterMillis = (System.nanoTime() - sent) / 1_000_000;
    boolean reconnected = dut.proxy.acceptedConnections() > connections;
    RrpcMetrics after = dut.device.metrics();
    long invalid = after.invalidRequestsDropped() - before.invalidRequestsDropped();
    String observed = (reaction == RawMqtt.BrokerReaction.DISCONNECTED
        ? "Moquette disconnected the publisher, did not forward it"
        : "Moquette forwarded it")
        + (reconnected ? "; the device's MQTT client could not decode it, so the device dropped that connection and"
            + " reconnected (serving again after " + servingAfterMillis + " ms)" : "")
        + (invalid > 0 ? "; the device dropped it (" + invalid + " counted)" : "")
        + "; no reply";
    ReliabilityReport.INSTANCE.hostile(input + " (raw PUBLISH, forbidden by MQTT)",
        "never answered; if a broker forwards it, the device drops it or reconnects, and keeps serving", observed, serving);
    assertTrue(raw.unexpectedReplies.isEmpty(), () -> input + ": replied on " + raw.unexpectedReplies);
    assertTrue(serving, input + ": the device did not serve again");
  }

  /** Calls the device until it answers (a reconnect may be under way), up to 30 s. */
  private static boolean awaitServing() throws Exception {
    long end = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() - end < 0) {
      String text = "alive-" + IDS.incrementAndGet();
      try {
        byte[] reply = raw.call(P, dut.name, Long.toString(IDS.incrementAndGet()),
            ("echo " + text).getBytes(StandardCharsets.UTF_8), 1);
        return text.equals(new String(reply, StandardCharsets.UTF_8));
      } catch (java.util.concurrent.TimeoutException lostInTheReconnect) {
        // try again
      }
    }
    return false;
  }

  private static boolean stillServing() throws Exception {
    String text = "alive-" + IDS.incrementAndGet();
    byte[] reply = raw.call(P, dut.name, Long.toString(IDS.incrementAndGet()), ("echo " + text).getBytes(StandardCharsets.UTF_8));
    return text.equals(new String(reply, StandardCharsets.UTF_8));
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(a, 0, a.length);
    out.write(b, 0, b.length);
    return out.toByteArray();
  }

  private static String repeat(String s, int n) {
    StringBuilder b = new StringBuilder(s.length() * n);
    for (int i = 0; i < n; i++) {
      b.append(s);
    }
    return b.toString();
  }

  private static String abbreviate(String s) {
    String oneLine = s.replace("\0", "\\0");
    return oneLine.length() <= 90 ? oneLine : oneLine.substring(0, 90) + "…";
  }
}
