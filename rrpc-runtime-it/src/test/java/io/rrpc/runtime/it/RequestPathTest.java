package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrpc.runtime.Outcome;
import io.rrpc.runtime.RrpcMetrics;
import io.rrpc.testkit.FaultProxy;
import io.rrpc.testkit.RrpcResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The request path against a real broker: the right reply, on the right topic, for every request. The
 * hub simulator matches each reply to its call by the reply topic's processId, so a reply on any other
 * topic never completes a call.
 */
class RequestPathTest extends DeviceTestBase {

  @Test
  void requestIsAnsweredOnTheReplyTopicOfItsProcessId() throws Exception {
    start();

    RrpcResult reply = hub.publishRrpc(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, "closed");

    assertEquals("ok", reply.payloadText());
    assertEquals(1, aircon.closedCalls.get());
    assertEquals(0, strayReplies());
    RrpcMetrics m = device.metrics();
    assertEquals(1, m.received());
    assertEquals(1, m.outcome(Outcome.SUCCESS));
    assertEquals(1, m.handlerCalls());
  }

  @Test
  void textArgumentsJsonParamsAndJsonReplies() throws Exception {
    start();
    assertEquals("a b  c", call("echo   a b  c  "));
    assertEquals("temperature 24", call("{\"method\":\"setTemperature\",\"params\":{\"celsius\":24}}"));
    assertEquals("{\"power\":\"on\",\"celsius\":24}", call("{\"method\":\"status\"}"));
    assertEquals("ok", call("nothing"));
  }

  @Test
  void hundredConcurrentRequestsEachGetTheirOwnReply() throws Exception {
    start(builder().workers(4));
    List<CompletableFuture<RrpcResult>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      replies.add(send("echo request-" + i));
    }
    Set<Long> processIds = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      RrpcResult result = replies.get(i).get(10, TimeUnit.SECONDS);
      assertEquals("request-" + i, result.payloadText());
      processIds.add(result.messageId());
    }
    assertEquals(100, processIds.size());
    assertEquals("ok", call("closed"), "a later reply follows all of theirs");
    assertEquals(0, strayReplies(), "one reply per processId, none crossed or repeated");
    assertEquals(101, device.metrics().outcome(Outcome.SUCCESS));
  }

  @Test
  void requestWithoutASafeProcessIdIsDroppedUnanswered() throws Exception {
    start();
    try (RequestInjector injector = new RequestInjector(broker)) {
      injector.publish(RequestInjector.requestTopic("4.2"), "closed", 0);
      injector.publish(RequestInjector.requestTopic(OutcomesTest.repeat('7', 65)), "closed", 0);
      // Taken in after the two above: the broker delivers one publisher's requests in order.
      injector.request(RequestInjector.newProcessId(), "mark after");
      assertEquals("after", aircon.marks.poll(5, TimeUnit.SECONDS));
    }

    assertEquals(0, aircon.closedCalls.get(), "no handler ran for them");
    RrpcMetrics m = device.metrics();
    assertEquals(2, m.invalidRequestsDropped());
    assertEquals(3, m.received());
    assertEquals(1, m.outcome(Outcome.SUCCESS));
    assertEquals("ok", call("closed"), "still serving");
  }

  @Test
  void requestSubscriptionAtQos1() throws Exception {
    // The device's own bytes on the wire, through a proxy that keeps them: its SUBSCRIBE, and the
    // PUBACK it owes for a request the broker delivers at QoS 1. A request published at QoS 1 comes at
    // the subscription's QoS at most, so without a QoS 1 subscription there would be no PUBACK.
    try (FaultProxy proxy = FaultProxy.to(broker)) {
      start(builder().brokerUri(proxy.uri()).requestQos(1));
      try (RequestInjector injector = new RequestInjector(broker)) {
        injector.publish(RequestInjector.requestTopic(RequestInjector.newProcessId()), "mark qos1", 1);
      }
      assertEquals("qos1", aircon.marks.poll(5, TimeUnit.SECONDS));
      // Paho acknowledges once the request is handed over, before it takes the next one in: the reply
      // to the next request follows the PUBACK on the same connection.
      assertEquals("ok", call("closed"));

      ClientPackets sent = new ClientPackets(proxy.clientPreambles().get(0));
      assertEquals(1, sent.requestedQos(TestDevices.REQUEST_FILTER));
      assertEquals(1, sent.count(ClientPackets.PUBACK), "the request came at QoS 1 and was acknowledged");
    }
  }
}
