package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The device's connection is cut (the hub's stays up): the device reconnects with backoff, restores its
 * subscription, sends the replies the hub still waits for and drops, counting them, those it does not.
 */
class ConnectionFaultTest extends DeviceTestBase {
  static final String CLIENT_ID = TestDevices.PRODUCT_ID + TestDevices.DEVICE_NAME;

  @Test
  void deviceReconnectsResubscribesAndKeepsServing() throws Exception {
    start();
    assertEquals("ok", hub.call("closed"));
    int mark = LogCapture.INSTANCE.mark();

    broker.cut(CLIENT_ID);
    LogCapture.INSTANCE.await(mark, "connection lost", 1, 5, TimeUnit.SECONDS);
    LogCapture.INSTANCE.await(mark, "subscribe success, topic: $rrpc/rxd/KL4J2XXXX8/airConditioner1/+", 1, 10, TimeUnit.SECONDS);

    assertEquals("ok", hub.call("closed"));
    broker.cut(CLIENT_ID);
    LogCapture.INSTANCE.await(mark, "subscribe success", 2, 10, TimeUnit.SECONDS);
    assertEquals("ok", hub.call("closed"), "and again after a second cut");
    assertEquals(3, aircon.closedCalls.get());
  }

  @Test
  void replyFinishedDuringTheOutageIsPublishedAfterTheReconnect() throws Exception {
    // Reconnect no sooner than 500 ms after the cut, so the handler surely finishes while disconnected.
    start(builder().deadline(10, TimeUnit.SECONDS).reconnectBackoff(1000, 1000, TimeUnit.MILLISECONDS));
    String id = HubClient.newProcessId();
    CompletableFuture<byte[]> reply = hub.send(id, "block");
    assertTrue(aircon.blockStarted.await(5, TimeUnit.SECONDS));
    int mark = LogCapture.INSTANCE.mark();

    broker.cut(CLIENT_ID);
    LogCapture.INSTANCE.await(mark, "connection lost", 1, 5, TimeUnit.SECONDS);
    aircon.release.countDown();
    LogCapture.INSTANCE.await(mark, "rrpc reply held until reconnect, processId: " + id, 1, 5, TimeUnit.SECONDS);

    assertEquals("unblocked", HubClient.text(reply.get(10, TimeUnit.SECONDS)));
    assertTrue(LogCapture.INSTANCE.count(mark, "subscribe success") >= 1);
    assertEquals(1, hub.replies(id).size());
    assertEquals(0, device.metrics().expiredRepliesDropped());
  }

  @Test
  void replyTheHubNoLongerWaitsForIsDroppedAndCounted() throws Exception {
    // The deadline (1 s) passes while disconnected; the hub waits 1.2 s here; the device comes back
    // 1.5..3 s after the cut.
    start(builder().deadline(1000, TimeUnit.MILLISECONDS).hubDeadline(1200, TimeUnit.MILLISECONDS)
        .reconnectBackoff(3000, 3000, TimeUnit.MILLISECONDS));
    String id = HubClient.newProcessId();
    hub.send(id, "block");
    assertTrue(aircon.blockStarted.await(5, TimeUnit.SECONDS));
    int mark = LogCapture.INSTANCE.mark();

    broker.cut(CLIENT_ID);
    LogCapture.INSTANCE.await(mark, "connection lost", 1, 5, TimeUnit.SECONDS);
    LogCapture.INSTANCE.await(mark, "rrpc reply dropped, the hub stopped waiting while disconnected, processId: " + id,
        1, 10, TimeUnit.SECONDS);
    LogCapture.INSTANCE.await(mark, "subscribe success", 1, 10, TimeUnit.SECONDS);
    aircon.release.countDown();

    assertEquals("ok", hub.call("closed"));
    assertEquals(0, hub.replies(id).size(), "neither the timeout nor the late result was published");
    RrpcMetrics m = device.metrics();
    assertEquals(1, m.expiredRepliesDropped());
    assertEquals(1, m.outcome(Outcome.TIMEOUT));
    assertEquals(1, m.lateResultsDropped());
  }
}
