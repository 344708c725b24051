package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The request path's small parts: topics, error reply format, latency histogram, backoff, sockets. */
class SmallPartsTest {
  final RrpcTopics topics = new RrpcTopics("KL4J2XXXX8", "airConditioner1");

  @Test
  void topicScheme() {
    assertEquals("$rrpc/rxd/KL4J2XXXX8/airConditioner1/+", topics.requestFilter());
    assertEquals("$rrpc/txd/KL4J2XXXX8/airConditioner1/42", topics.replyTopic("42"));
    assertEquals("42", topics.processIdOf("$rrpc/rxd/KL4J2XXXX8/airConditioner1/42"));
    assertEquals("a-Z_9", topics.processIdOf("$rrpc/rxd/KL4J2XXXX8/airConditioner1/a-Z_9"));
  }

  @Test
  void processIdsThatCannotMakeASafeReplyTopicAreRefused() {
    String prefix = "$rrpc/rxd/KL4J2XXXX8/airConditioner1/";
    assertNull(topics.processIdOf(prefix));
    assertNull(topics.processIdOf(prefix + "4.2"));
    assertNull(topics.processIdOf(prefix + "4 2"));
    assertNull(topics.processIdOf(prefix + "4/2"));
    assertNull(topics.processIdOf(prefix + "#"));
    assertNull(topics.processIdOf(prefix + "é"));
    assertNull(topics.processIdOf("$rrpc/rxd/OTHER/airConditioner1/42"));
    assertNull(topics.processIdOf("$rrpc/txd/KL4J2XXXX8/airConditioner1/42"));
    char[] id = new char[64];
    java.util.Arrays.fill(id, '7');
    assertEquals(new String(id), topics.processIdOf(prefix + new String(id)));
    assertNull(topics.processIdOf(prefix + new String(id) + "7"));
  }

  @Test
  void standardErrorRepliesEscapeJson() {
    RrpcRequest json = RrpcRequest.of("1", "{\"method\":\"m\"}");
    byte[] reply = ErrorReplyPolicy.standard().errorReply(Outcome.REFUSED, "bad_input",
        "quote \" backslash \\ newline \n tab \t bell \u0007 line sep \u2028 中文", json);
    assertEquals("{\"error\":{\"code\":\"bad_input\",\"message\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007"
        + " line sep \\u2028 中文\"}}", new String(reply, StandardCharsets.UTF_8));
    RrpcRequest text = RrpcRequest.of("1", "m");
    assertEquals("error timeout: no reply within 3500 ms", new String(ErrorReplyPolicy.standard()
        .errorReply(Outcome.TIMEOUT, "timeout", "no reply within 3500 ms", text), StandardCharsets.UTF_8));
  }

  @Test
  void outcomeCodes() {
    assertEquals("unknown_command", Outcome.UNKNOWN_COMMAND.code());
    assertEquals("handler_error", Outcome.HANDLER_ERROR.code());
    assertEquals("timeout", Outcome.TIMEOUT.code());
    assertEquals("busy", Outcome.BUSY.code());
    assertEquals("payload_too_large", Outcome.PAYLOAD_TOO_LARGE.code());
    assertEquals(RrpcException.MALFORMED_JSON, Outcome.MALFORMED_JSON.code());
    assertEquals(RrpcException.INVALID_PARAMS, Outcome.INVALID_PARAMS.code());
    assertNull(Outcome.REFUSED.code());
    assertNull(Outcome.SUCCESS.code());
  }

  @Test
  void latencyHistogramPercentilesAreWithinAnEighth() {
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 1; i <= 1000; i++) {
      h.record(TimeUnit.MICROSECONDS.toNanos(i * 10L)); // 10 µs .. 10 ms, uniform
    }
    LatencyHistogram.Snapshot s = h.snapshot();
    assertWithin(TimeUnit.MICROSECONDS.toNanos(5000), s.percentileNanos(50));
    assertWithin(TimeUnit.MICROSECONDS.toNanos(9900), s.percentileNanos(99));
    assertEquals(TimeUnit.MICROSECONDS.toNanos(10000), s.maxNanos);
    assertEquals(1000, s.count);
    for (int i = 0; i < LatencyHistogram.index(Long.MAX_VALUE / 1000); i++) {
      assertEquals(i, LatencyHistogram.index(LatencyHistogram.upperBoundMicros(i)), "bucket " + i);
    }
  }

  static void assertWithin(long expected, long actual) {
    assertTrue(Math.abs(actual - expected) <= expected / 8, "expected ~" + expected + " but was " + actual);
  }

  @Test
  void backoffDoublesUpToTheMaximumAndResets() {
    Backoff b = new Backoff(100, 1000);
    long[] upper = {100, 200, 400, 800, 1000, 1000};
    for (long u : upper) {
      long d = b.nextDelayMillis();
      assertTrue(d >= u / 2 && d <= u, d + " not in [" + u / 2 + ", " + u + "]");
    }
    b.reset();
    assertTrue(b.nextDelayMillis() <= 100);
  }

  @Test
  void socketsHaveNagleOff() throws Exception {
    try (Socket plain = new NoDelaySocketFactory(SocketFactory.getDefault()).createSocket()) {
      assertTrue(plain.getTcpNoDelay());
    }
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, null, null);
    try (Socket secure = new NoDelaySslSocketFactory(tls.getSocketFactory()).createSocket()) {
      assertTrue(secure.getTcpNoDelay());
    }
  }
}
