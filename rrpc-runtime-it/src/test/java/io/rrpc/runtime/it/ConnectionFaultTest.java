package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.Outcome;
import io.rrpc.runtime.RrpcMetrics;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.MosquittoBroker;
import io.rrpc.testkit.RrpcCallException;
import io.rrpc.testkit.RrpcResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The device's connection is cut (the hub's stays up): the device reconnects with backoff, restores its
 * subscription, sends the replies the hub still waits for and drops, counting them, those it does not.
 */
class ConnectionFaultTest extends ThroughFaultProxy {
  @Test
  void deviceReconnectsResubscribesAndKeepsServing() throws Exception {
    start();
    assertEquals("subscribed " + TestDevices.REQUEST_FILTER, events.nextStartingWith("subscribed").text);
    assertEquals("ok", call("closed"));

    proxy.cut();
    events.nextStartingWith("disconnected");
    assertEquals("subscribed " + TestDevices.REQUEST_FILTER, events.nextStartingWith("subscribed").text);

    assertEquals("ok", call("closed"));
    proxy.cut();
    events.nextStartingWith("disconnected");
    events.nextStartingWith("subscribed");
    assertEquals("ok", call("closed"), "and again after a second cut");
    assertEquals(3, aircon.closedCalls.get());
  }

  @Test
  void replyFinishedDuringTheOutageIsPublishedAfterTheReconnect() throws Exception {
    // The device comes back no sooner than 500 ms after the cut; the handler finishes at once.
    start(builder().reconnectBackoff(1000, 1000, TimeUnit.MILLISECONDS));
    CompletableFuture<RrpcResult> reply = send("later");
    assertEquals("x", call("echo x"), "the device has taken the first request in");

    proxy.cut();
    events.nextStartingWith("disconnected");
    aircon.later.complete("done while disconnected");

    assertEquals("done while disconnected", text(reply));
    assertEquals("ok", call("closed"), "a later reply follows the held one");
    assertEquals(0, strayReplies(), "the held reply was sent once");
    assertEquals(0, device.metrics().expiredRepliesDropped());
  }

  @Test
  void replyTheHubNoLongerWaitsForIsDroppedAndCounted() throws Exception {
    // A real outage: the broker process is stopped (connections refused) until the hub has given up.
    // The device believes the hub waits 4 s, as Tencent's does; this hub waits half a second longer, so
    // that once it has given up, the device's 4 s since the request arrived have surely passed too.
    try (MosquittoBroker mosquitto = MosquittoBroker.startOrSkip();
        HubSimulator outageHub = HubSimulator.builder().broker(mosquitto).rrpcTimeout(Duration.ofMillis(4500)).connect()) {
      device = TestDevices.builder(mosquitto.uri(), new AirconCommands_RrpcDispatcher(aircon))
          .connectionListener(events).build();
      device.start();
      CompletableFuture<RrpcResult> call = outageHub.publishRrpcAsync(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, "later");
      assertEquals("x", outageHub.publishRrpc(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, "echo x").payloadText(),
          "the device has taken the first request in");

      mosquitto.stop();
      events.nextStartingWith("disconnected");
      aircon.later.complete("done while disconnected");
      ExecutionException failed = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
      assertEquals(RrpcCallException.RRPC_TIMEOUT, ((RrpcCallException) failed.getCause()).code());
      mosquitto.restart();
      events.nextStartingWith("subscribed");
      assertTrue(outageHub.awaitConnected(Duration.ofSeconds(10)));

      assertEquals("ok", outageHub.publishRrpc(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, "closed").payloadText());
      assertEquals(0, outageHub.strayReplies(), "the reply the hub gave up on was not published");
      RrpcMetrics m = device.metrics();
      assertEquals(1, m.expiredRepliesDropped());
      assertEquals(3, m.outcome(Outcome.SUCCESS));
      device.close(); // before the broker goes
    }
  }
}
