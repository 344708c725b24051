package io.rrpc.hub;

import static io.rrpc.hub.TestHub.DEVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.tencentcloudapi.common.CommonClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many calls in flight at once through the API, each matched to its own reply. */
class ConcurrentCallsTest {
  private static final int CALLS = 100;

  @Test
  void hundredCallsInFlightEachGetTheirOwnReply() throws Exception {
    // The device answers no hold request before all 100 have arrived: they are all in flight together.
    // A long hub deadline, so that a slow machine cannot turn a late arrival into a timeout.
    try (TestHub hub = new TestHub(CALLS, o -> o.rrpcTimeout(Duration.ofSeconds(60)))) {
      ExecutorService pool = Executors.newFixedThreadPool(CALLS);
      try {
        List<Future<JsonObject>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
          CommonClient client = hub.client("2021-04-08");
          JsonObject params = CommonClientEndToEndTest.rrpc(DEVICE, "hold call-" + i);
          calls.add(pool.submit(() -> CommonClientEndToEndTest.call(client, "PublishRRPCMessage", params)));
        }
        Set<Long> messageIds = new HashSet<>();
        for (int i = 0; i < CALLS; i++) {
          JsonObject r = calls.get(i).get(120, TimeUnit.SECONDS);
          assertEquals("call-" + i, CommonClientEndToEndTest.text(r.get("PayloadBase64").getAsString()));
          messageIds.add(r.get("MessageId").getAsLong());
        }
        assertEquals(CALLS, messageIds.size(), "every call has its own MessageId");
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
