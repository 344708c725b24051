package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A processId seen again while in flight or within the deadline window runs its handler once; every copy gets the reply. */
class DuplicatesTest extends DeviceTestBase {

  @Test
  void duplicateWhileInFlightWaitsForTheSameReply() throws Exception {
    start();
    String id = HubClient.newProcessId();
    int mark = LogCapture.INSTANCE.mark();
    hub.send(id, "block");
    assertTrue(aircon.blockStarted.await(5, TimeUnit.SECONDS));
    hub.send(id, "block");
    LogCapture.INSTANCE.await(mark, "rrpc duplicate request, processId: " + id, 1, 5, TimeUnit.SECONDS);

    aircon.release.countDown();
    assertEquals(Arrays.asList("unblocked", "unblocked"), hub.awaitReplies(id, 2, 5000));
    assertEquals(1, aircon.blockCalls.get());
    assertEquals(1, device.metrics().duplicates());
    assertEquals(1, device.metrics().outcome(Outcome.SUCCESS));
  }

  @Test
  void duplicateAfterTheReplyGetsTheCachedReply() throws Exception {
    start();
    String id = HubClient.newProcessId();
    int mark = LogCapture.INSTANCE.mark();
    assertEquals("ok", HubClient.text(hub.send(id, "closed").get(5, TimeUnit.SECONDS)));
    hub.send(id, "closed");
    assertEquals(Arrays.asList("ok", "ok"), hub.awaitReplies(id, 2, 5000));
    // The hub can see a reply before Paho tells the device its publish completed, which is when the
    // device counts it as replied.
    LogCapture.INSTANCE.await(mark, "rrpc reply published, processId: " + id, 2, 5, TimeUnit.SECONDS);
    assertEquals(1, aircon.closedCalls.get());
    assertEquals(1, device.metrics().duplicates());
    assertEquals(2, device.metrics().received());
    assertEquals(2, device.metrics().replied());
  }

  @Test
  void duplicateOfATimedOutRequestGetsTheTimeoutReply() throws Exception {
    start(builder().deadline(300, TimeUnit.MILLISECONDS));
    String id = HubClient.newProcessId();
    assertEquals("error timeout: no reply within 300 ms", HubClient.text(hub.send(id, "block").get(5, TimeUnit.SECONDS)));
    hub.send(id, "block");
    assertEquals(Arrays.asList("error timeout: no reply within 300 ms", "error timeout: no reply within 300 ms"),
        hub.awaitReplies(id, 2, 5000));
    assertEquals(1, aircon.blockCalls.get());
  }

  @Test
  void differentProcessIdsWithTheSamePayloadAreNotDuplicates() throws Exception {
    start();
    assertEquals("ok", hub.call("closed"));
    assertEquals("ok", hub.call("closed"));
    assertEquals(2, aircon.closedCalls.get());
    assertEquals(0, device.metrics().duplicates());
  }
}
