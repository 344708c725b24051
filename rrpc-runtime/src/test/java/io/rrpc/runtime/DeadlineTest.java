package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    String slow = HubClient.newProcessId();

    assertEquals("error timeout: no reply within 300 ms", HubClient.text(hub.send(slow, "block").get(5, TimeUnit.SECONDS)));
    aircon.release.countDown();
    // One worker: once the next request is answered, the slow handler has returned and been dropped.
    assertEquals("ok", hub.call("closed"));

    assertEquals(1, hub.replies(slow).size(), "the late result was never published: " + hub.replies(slow));
    RrpcMetrics m = device.metrics();
    assertEquals(1, m.outcome(Outcome.TIMEOUT));
    assertEquals(1, m.lateResultsDropped());
    assertEquals(0, m.inFlight());
  }

  @Test
  void slowAsyncHandlerIsAnsweredTimeoutAndItsLateResultIsDropped() throws Exception {
    start(builder().deadline(300, TimeUnit.MILLISECONDS));
    String slow = HubClient.newProcessId();

    assertEquals("{\"error\":{\"code\":\"timeout\",\"message\":\"no reply within 300 ms\"}}",
        HubClient.text(hub.send(slow, "{\"method\":\"later\"}").get(5, TimeUnit.SECONDS)));
    aircon.later.complete("too late");
    assertEquals(1, device.metrics().lateResultsDropped(), "completing the stage drops the result at once");
    assertEquals("ok", hub.call("closed"));
    assertEquals(1, hub.replies(slow).size(), hub.replies(slow).toString());
  }

  @Test
  void asyncHandlerFinishingInTimeIsAnswered() throws Exception {
    start();
    CompletableFuture<byte[]> reply = hub.send(HubClient.newProcessId(), "later");
    assertEquals("ok", hub.call("closed"), "the worker is free while the async handler is pending");
    aircon.later.complete("done");
    assertEquals("done", HubClient.text(reply.get(5, TimeUnit.SECONDS)));
    assertEquals(2, device.metrics().outcome(Outcome.SUCCESS));
  }

  @Test
  void asyncHandlerFailingIsAHandlerError() throws Exception {
    start();
    CompletableFuture<byte[]> reply = hub.send(HubClient.newProcessId(), "later");
    aircon.later.completeExceptionally(new java.io.IOException("bus timeout on 0x3C"));
    assertEquals("error handler_error: the handler failed", HubClient.text(reply.get(5, TimeUnit.SECONDS)));
  }

  @Test
  void requestThatWaitedInTheQueuePastItsDeadlineNeverRunsItsHandler() throws Exception {
    start(builder().deadline(300, TimeUnit.MILLISECONDS));
    CompletableFuture<byte[]> blocked = hub.send(HubClient.newProcessId(), "block");
    assertTrue(aircon.blockStarted.await(5, TimeUnit.SECONDS));
    CompletableFuture<byte[]> queued = hub.send(HubClient.newProcessId(), "closed");

    assertEquals("error timeout: no reply within 300 ms", HubClient.text(queued.get(5, TimeUnit.SECONDS)));
    assertEquals("error timeout: no reply within 300 ms", HubClient.text(blocked.get(5, TimeUnit.SECONDS)));
    aircon.release.countDown();
    assertEquals("x", hub.call("echo x"));
    assertEquals(0, aircon.closedCalls.get(), "the timed-out queued request was skipped, not run late");
    assertEquals(2, device.metrics().outcome(Outcome.TIMEOUT));
  }

  @Test
  void defaultDeadlineAnswersBeforeTheHubGivesUp() throws Exception {
    start();
    assertEquals("error timeout: no reply within 3500 ms",
        HubClient.text(hub.send(HubClient.newProcessId(), "block").get(10, TimeUnit.SECONDS)));
  }
}
