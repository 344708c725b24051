package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.testkit.RrpcResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A processId seen again while in flight or within the deadline window runs its handler once; every
 * copy gets the reply. The hub simulator sends each request; the injector sends the copy, as a hub
 * redelivering it would. The hub takes the first reply to each call and counts every further reply to
 * its processIds as a stray: the copy's reply is one.
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

    injector.request(processId, "block");
    awaitTakenIn();
    assertEquals(1, device.metrics().duplicates(), "the copy came while the handler ran");

    aircon.release.countDown();
    assertEquals("unblocked", text(original));
    assertEquals("ok", call("closed"), "a later reply follows the copy's");
    assertEquals(1, hub.strayReplies(), "the copy got a reply too");
    assertEquals(1, aircon.blockCalls.get());
  }

  @Test
  void duplicateAfterTheReplyGetsTheCachedReply() throws Exception {
    start();
    RrpcResult first = hub.publishRrpc(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, "closed");
    assertEquals("ok", first.payloadText());

    injector.request(Long.toString(first.messageId()), "closed");
    awaitTakenIn();
    assertEquals("ok", call("closed"), "a later reply follows the copy's");

    assertEquals(1, hub.strayReplies(), "the copy got the cached reply");
    assertEquals(2, aircon.closedCalls.get(), "the copy ran no handler; the later call did");
    assertEquals(1, device.metrics().duplicates());
  }

  @Test
  void duplicateOfATimedOutRequestGetsTheTimeoutReply() throws Exception {
    start(builder().deadline(300, TimeUnit.MILLISECONDS).workers(2));
    RrpcResult first = hub.publishRrpc(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, "block");
    assertEquals("error timeout: no reply within 300 ms", first.payloadText());

    injector.request(Long.toString(first.messageId()), "block");
    awaitTakenIn();
    assertEquals("ok", call("closed"), "a later reply follows the copy's");

    assertEquals(1, hub.strayReplies(), "the copy got the timeout reply");
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

  /**
   * Waits until the device has taken in everything the injector published so far: the broker delivers
   * one publisher's requests in order, and the device takes them in in order, so a mark sent last and
   * seen by its handler comes after them all.
   */
  private void awaitTakenIn() throws Exception {
    String mark = RequestInjector.newProcessId();
    injector.request(RequestInjector.newProcessId(), "mark " + mark);
    assertEquals(mark, aircon.marks.poll(5, TimeUnit.SECONDS), "the device took the mark in");
  }
}
