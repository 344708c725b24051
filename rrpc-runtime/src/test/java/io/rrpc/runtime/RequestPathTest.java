package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request path against a real broker: the right reply, on the right topic, for every request. */
class RequestPathTest extends DeviceTestBase {

  @Test
  void requestIsAnsweredOnTheReplyTopicOfItsProcessId() throws Exception {
    start();
    String processId = HubClient.newProcessId();

    byte[] reply = hub.send(processId, "closed").get(5, TimeUnit.SECONDS);

    assertEquals("ok", HubClient.text(reply));
    assertEquals(1, aircon.closedCalls.get());
    List<String> topics = hub.replyTopics();
    assertEquals(1, topics.size());
    assertEquals("$rrpc/txd/KL4J2XXXX8/airConditioner1/" + processId, topics.get(0));
    RrpcMetrics m = device.metrics();
    assertEquals(1, m.received());
    assertEquals(1, m.outcome(Outcome.SUCCESS));
    assertEquals(1, m.handlerCalls());
  }

  @Test
  void textArgumentsJsonParamsAndJsonReplies() throws Exception {
    start();
    assertEquals("a b  c", hub.call("echo   a b  c  "));
    assertEquals("temperature 24", hub.call("{\"method\":\"setTemperature\",\"params\":{\"celsius\":24}}"));
    assertEquals("{\"power\":\"on\",\"celsius\":24}", hub.call("{\"method\":\"status\"}"));
    assertEquals("ok", hub.call("nothing"));
  }

  @Test
  void hundredConcurrentRequestsEachGetTheirOwnReply() throws Exception {
    start(builder().workers(4));
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<byte[]>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String id = HubClient.newProcessId();
      ids.add(id);
      replies.add(hub.send(id, "echo request-" + i + "-" + id));
    }
    for (int i = 0; i < 100; i++) {
      assertEquals("request-" + i + "-" + ids.get(i), HubClient.text(replies.get(i).get(10, TimeUnit.SECONDS)));
    }
    Set<String> topics = new HashSet<>(hub.replyTopics());
    assertEquals(100, topics.size(), "one reply per processId, none crossed or repeated");
    assertEquals(100, device.metrics().outcome(Outcome.SUCCESS));
  }

  @Test
  void requestWithoutASafeProcessIdIsDroppedUnanswered() throws Exception {
    start();
    int mark = LogCapture.INSTANCE.mark();
    hub.publishRaw("$rrpc/rxd/KL4J2XXXX8/airConditioner1/4.2", "closed");
    hub.publishRaw("$rrpc/rxd/KL4J2XXXX8/airConditioner1/" + OutcomesTest.repeat('7', 65), "closed");
    LogCapture.INSTANCE.await(mark, "rrpc request dropped: no valid processId", 2, 5, TimeUnit.SECONDS);

    String valid = HubClient.newProcessId();
    assertEquals("ok", HubClient.text(hub.send(valid, "closed").get(5, TimeUnit.SECONDS)));
    assertEquals(java.util.Collections.singletonList("$rrpc/txd/KL4J2XXXX8/airConditioner1/" + valid), hub.replyTopics());
    assertEquals(1, aircon.closedCalls.get());
    assertEquals(2, device.metrics().invalidRequestsDropped());
    assertEquals(3, device.metrics().received());
  }

  @Test
  void requestSubscriptionAtQos1() throws Exception {
    start(builder().requestQos(1));
    assertEquals("ok", hub.call("closed"));
  }
}
