package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.testkit.RrpcResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A processId seen again while in flight or within the deadline window runs its handler once; every
 * copy gets the reply. The hub simulator makes each call; the injector sends the copy, as a hub
 * redelivering the request would, and takes the copy's reply.
 */
class DuplicatesTest extends DeviceTestBase {
  RequestInjector injector;

  @BeforeEach
  void connectInjector() throws Exception {
    injector = new RequestInjector(broker);
  }

  @AfterEach
  void closeInjector() throws Exception {
    injector.close();
  }

  @Test
  void duplicateWhileInFlightWaitsForTheSameReply() throws Exception {
    start(builder().workers(2));
    CompletableFuture<RrpcResult> original = send("block");
    assertTrue(aircon.blockStarted.await(5, TimeUnit.SECONDS));
    String processId = aircon.blockRequests.take().processId();

    CompletableFuture<String> copy = injector.redeliver(processId, "block");
    // The broker delivers one publisher's requests in order and the device takes them in in order:
    // once the handler has seen a mark sent after the copy, the copy has been taken in.
    injector.request(RequestInjector.newProcessId(), "mark after the copy");
    assertEquals("after the copy", aircon.marks.poll(5, TimeUnit.SECONDS));
    assertEquals(1, device.metrics().duplicates(), "the copy came while the handler ran");
    assertFalse(copy.isDone());

    aircon.release.countDown();
    assertEquals("unblocked", text(original));
    assertEquals("unblocked", copy.get(5, TimeUnit.SECONDS));
    assertEquals(1, aircon.blockCalls.get());
  }

  @Test
  void duplicateAfterTheReplyGetsTheCachedReply() throws Exception {
    start();
    RrpcResult first = hub.publishRrpc(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, "echo once");
    assertEquals("once", first.payloadText());

    assertEquals("once", injector.redeliver(Long.toString(first.messageId()), "echo once").get(5, TimeUnit.SECONDS),
        "the cached reply, not a new run");
    assertEquals(1, device.metrics().duplicates());
    assertEquals(1, device.metrics().handlerCalls());
  }

  @Test
  void duplicateOfATimedOutRequestGetsTheTimeoutReply() throws Exception {
    start(builder().deadline(300, TimeUnit.MILLISECONDS));
    RrpcResult first = hub.publishRrpc(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, "block");
    assertEquals("error timeout: no reply within 300 ms", first.payloadText());

    assertEquals("error timeout: no reply within 300 ms",
        injector.redeliver(Long.toString(first.messageId()), "block").get(5, TimeUnit.SECONDS));
    assertEquals(1, aircon.blockCalls.get());
    assertEquals(1, device.metrics().duplicates());
  }

  @Test
  void differentProcessIdsWithTheSamePayloadAreNotDuplicates() throws Exception {
    start();
    assertEquals("ok", call("closed"));
    assertEquals("ok", call("closed"));
    assertEquals(2, aircon.closedCalls.get());
    assertEquals(0, device.metrics().duplicates());
  }
}
