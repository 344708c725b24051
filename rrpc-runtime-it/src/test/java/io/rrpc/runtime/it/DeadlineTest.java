package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.Outcome;
import io.rrpc.runtime.RrpcMetrics;
import io.rrpc.runtime.RrpcRequest;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.RrpcResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A handler that has not finished by the deadline gets a {@code timeout} reply; its late result is
 * dropped and counted, never published.
 */
class DeadlineTest extends DeviceTestBase {

  @Test
  void slowSyncHandlerIsAnsweredTimeoutAndItsLateResultIsDropped() throws Exception {
    start(builder().deadline(300, TimeUnit.MILLISECONDS));

    assertEquals("error timeout: no reply within 300 ms", call("block"));
    aircon.release.countDown();
    // One worker, one connection: once the next request is answered, the slow handler has returned
    // and been dropped, and a reply it had published would have reached the hub first.
    assertEquals("ok", call("closed"));

    assertEquals(0, strayReplies(), "the late result was never published");
    RrpcMetrics m = device.metrics();
    assertEquals(1, m.outcome(Outcome.TIMEOUT));
    assertEquals(1, m.lateResultsDropped());
    // A request stays in flight until its reply is handed to MQTT, just after the hub may have it: read
    // once close() has waited for every answer (one left counted in flight would hold it to the deadline).
    device.close();
    assertEquals(0, device.metrics().inFlight());
  }

  @Test
  void slowAsyncHandlerIsAnsweredTimeoutAndItsLateResultIsDropped() throws Exception {
    start(builder().deadline(300, TimeUnit.MILLISECONDS));

    assertEquals("{\"error\":{\"code\":\"timeout\",\"message\":\"no reply within 300 ms\"}}",
        call("{\"method\":\"later\"}"));
    aircon.later.complete("too late");
    assertEquals(1, device.metrics().lateResultsDropped(), "completing the stage drops the result at once");
    assertEquals("ok", call("closed"));
    assertEquals(0, strayReplies(), "the late result was never published");
  }

  @Test
  void asyncHandlerFinishingInTimeIsAnswered() throws Exception {
    start();
    CompletableFuture<RrpcResult> reply = send("later");
    assertEquals("ok", call("closed"), "the worker is free while the async handler is pending");
    aircon.later.complete("done");
    assertEquals("done", text(reply));
    assertEquals(2, device.metrics().outcome(Outcome.SUCCESS));
  }

  @Test
  void asyncHandlerFailingIsAHandlerError() throws Exception {
    start();
    CompletableFuture<RrpcResult> reply = send("later");
    aircon.later.completeExceptionally(new java.io.IOException("bus timeout on 0x3C"));
    assertEquals("error handler_error: the handler failed", text(reply));
  }

  @Test
  void requestThatWaitedInTheQueuePastItsDeadlineNeverRunsItsHandler() throws Exception {
    start(builder().deadline(300, TimeUnit.MILLISECONDS));
    CompletableFuture<RrpcResult> blocked = send("block");
    assertTrue(aircon.blockStarted.await(5, TimeUnit.SECONDS));
    CompletableFuture<RrpcResult> queued = send("closed");

    assertEquals("error timeout: no reply within 300 ms", text(queued));
    assertEquals("error timeout: no reply within 300 ms", text(blocked));
    aircon.release.countDown();
    assertEquals("x", call("echo x"));
    assertEquals(0, aircon.closedCalls.get(), "the timed-out queued request was skipped, not run late");
    assertEquals(2, device.metrics().outcome(Outcome.TIMEOUT));
  }

  @Test
  void oneTimerAnswersEveryOpenRequestAtItsOwnDeadline() throws Exception {
    // One timer serves all deadlines, waking only for the oldest open request: requests answered in
    // time must neither leave it behind nor stop it, whether it is waiting or idle when the next comes.
    start(builder().deadline(300, TimeUnit.MILLISECONDS));
    assertEquals("ok", call("closed"));
    assertEquals("error timeout: no reply within 300 ms", call("later"));
    assertEquals("ok", call("closed"));
    assertEquals("ok", call("closed"));
    assertEquals("error timeout: no reply within 300 ms", call("later"));

    RrpcMetrics m = device.metrics();
    assertEquals(2, m.outcome(Outcome.TIMEOUT));
    assertEquals(3, m.outcome(Outcome.SUCCESS));
    device.close(); // then nothing is in flight, unless an answered request was left counted
    assertEquals(0, device.metrics().inFlight());
  }

  @Test
  void defaultDeadlineAnswersBeforeTheHubGivesUp() throws Exception {
    start();
    // The hub simulator gives up as Tencent's hub does, 4 s after it published the request: had the
    // device answered later, the call would have failed with FailedOperation.RRPCTimeout instead.
    assertEquals("error timeout: no reply within 3500 ms", call("block"));

    RrpcRequest request = aircon.blockRequests.poll(5, TimeUnit.SECONDS);
    long window = request.deadlineNanos() - request.arrivalNanos();
    assertTrue(window < HubSimulator.DEFAULT_RRPC_TIMEOUT.toNanos(),
        "the device's deadline (" + TimeUnit.NANOSECONDS.toMillis(window) + " ms after arrival) ends before the hub's "
            + HubSimulator.DEFAULT_RRPC_TIMEOUT.toMillis() + " ms");
  }
}
