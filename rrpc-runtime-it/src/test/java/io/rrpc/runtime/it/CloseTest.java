package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.Outcome;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.RrpcResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code close()} stops taking requests, lets in-flight ones finish or time out, publishes their replies, then disconnects. */
class CloseTest extends DeviceTestBase {

  @Test
  void closeWithARequestInFlightPublishesItsReplyBeforeDisconnecting() throws Exception {
    start();
    CompletableFuture<RrpcResult> inFlight = send("block");
    assertTrue(aircon.blockStarted.await(5, TimeUnit.SECONDS));
    int mark = LogCapture.INSTANCE.mark();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(device::close);
    // close() refuses new requests before it says so; nothing but its log tells that it has begun.
    LogCapture.INSTANCE.await(mark, "closing, 1 requests in flight", 1, 5, TimeUnit.SECONDS);
    assertEquals("error busy: the device is shutting down", call("closed"), "new requests are refused meanwhile");
    assertFalse(closing.isDone(), "close waits for the handler");

    aircon.release.countDown();
    closing.get(10, TimeUnit.SECONDS);
    assertEquals("unblocked", text(inFlight));
    assertFalse(device.isConnected());
    assertEquals(0, aircon.closedCalls.get());
    assertEquals(1, device.metrics().outcome(Outcome.BUSY));
  }

  @Test
  void closeWaitsNoLongerThanTheDeadline() throws Exception {
    start(builder().deadline(300, TimeUnit.MILLISECONDS));
    CompletableFuture<RrpcResult> inFlight = send("block");
    assertTrue(aircon.blockStarted.await(5, TimeUnit.SECONDS));

    // The handler never returns by itself. close() promises to return within about the deadline plus a
    // second or two: it answers the request timeout at its deadline, publishes that, and disconnects.
    // A close() that waited for the handler would not return until the test released it.
    assertTimeoutPreemptively(Duration.ofMillis(300).plusSeconds(2), device::close);

    assertEquals(1, aircon.blockCalls.get());
    assertEquals("error timeout: no reply within 300 ms", text(inFlight));
    assertFalse(device.isConnected());
  }

  @Test
  void closeInterruptsAHandlerPastItsDeadlineAndCountsItsLateResultBeforeReturning() throws Exception {
    start(builder().deadline(300, TimeUnit.MILLISECONDS));
    CompletableFuture<RrpcResult> inFlight = send("block");
    assertTrue(aircon.blockStarted.await(5, TimeUnit.SECONDS));

    device.close();

    // The counters are final once close() has returned: the interrupted handler's result was dropped
    // and counted, not counted at some later moment a caller cannot see.
    assertEquals(1, device.metrics().lateResultsDropped());
    assertEquals("error timeout: no reply within 300 ms", text(inFlight));
  }

  @Test
  void closeIsIdempotentAndFinal() throws Exception {
    start();
    device.close();
    device.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, device::start);
    assertEquals("closed", e.getMessage());
  }

  @Test
  void closingAnUnstartedDeviceIsFine() {
    RrpcDevice unstarted = builder().build();
    unstarted.close();
    assertThrows(IllegalStateException.class, unstarted::start);
  }

  @Test
  void startTwiceIsRefused() throws Exception {
    start();
    IllegalStateException e = assertThrows(IllegalStateException.class, device::start);
    assertEquals("already started", e.getMessage());
    assertTrue(device.isConnected());
  }
}
