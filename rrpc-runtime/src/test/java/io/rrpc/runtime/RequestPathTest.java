package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request path against a real broker: the right reply, on the right topic, for every request. */
class RequestPathTest {
  static MoquetteBroker broker;
  AirconCommands aircon = new AirconCommands();
  RrpcDevice device;
  HubClient hub;

  @BeforeAll
  static void startBroker() {
    broker = MoquetteBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @AfterEach
  void closeDevice() throws Exception {
    aircon.release.countDown();
    if (device != null) {
      device.close();
    }
    if (hub != null) {
      hub.close();
    }
  }

  void start(RrpcDevice.Builder builder) throws Exception {
    device = builder.build();
    device.start();
    hub = TestDevices.hub(broker.uri());
  }

  @Test
  void requestIsAnsweredOnTheReplyTopicOfItsProcessId() throws Exception {
    start(TestDevices.builder(broker.uri(), new AirconCommands_RrpcDispatcher(aircon)));
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
    start(TestDevices.builder(broker.uri(), new AirconCommands_RrpcDispatcher(aircon)));
    assertEquals("a b  c", hub.call("echo   a b  c  "));
    assertEquals("temperature 24", hub.call("{\"method\":\"setTemperature\",\"params\":{\"celsius\":24}}"));
    assertEquals("{\"power\":\"on\",\"celsius\":24}", hub.call("{\"method\":\"status\"}"));
    assertEquals("ok", hub.call("nothing"));
  }

  @Test
  void hundredConcurrentRequestsEachGetTheirOwnReply() throws Exception {
    start(TestDevices.builder(broker.uri(), new AirconCommands_RrpcDispatcher(aircon)).workers(4));
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
}
