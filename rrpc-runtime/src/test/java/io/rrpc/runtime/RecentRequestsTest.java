package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The duplicate window's bookkeeping, on a synthetic clock. */
class RecentRequestsTest {
  static final long WINDOW = TimeUnit.SECONDS.toNanos(4);

  static Exchange exchange(String processId) {
    return new Exchange(RrpcRequest.of(processId, "closed"), "$rrpc/txd/p/d/" + processId, null, null, null);
  }

  static void answer(RecentRequests recent, Exchange e, long atNanos) {
    e.answeredAtNanos = atNanos;
    recent.answered(e);
  }

  @Test
  void inFlightAndRecentlyAnsweredAreRemembered() {
    RecentRequests recent = new RecentRequests(WINDOW, 100);
    Exchange first = exchange("1");
    assertNull(recent.register(first, 0));
    assertSame(first, recent.register(exchange("1"), 10), "in flight");
    answer(recent, first, 100);
    assertSame(first, recent.register(exchange("1"), 100 + WINDOW - 1), "answered within the window");
  }

  @Test
  void forgottenOneWindowAfterTheAnswer() {
    RecentRequests recent = new RecentRequests(WINDOW, 100);
    Exchange first = exchange("1");
    recent.register(first, 0);
    answer(recent, first, 100);
    Exchange again = exchange("1");
    assertNull(recent.register(again, 100 + WINDOW), "a new request after the window");
    assertSame(again, recent.register(exchange("1"), 100 + WINDOW + 1));
  }

  @Test
  void boundedByCapacityOldestAnsweredFirst() {
    RecentRequests recent = new RecentRequests(WINDOW, 3);
    for (int i = 0; i < 10; i++) {
      Exchange e = exchange(Integer.toString(i));
      assertNull(recent.register(e, i));
      answer(recent, e, i);
    }
    assertEquals(4, recent.size(), "at most capacity answered entries, plus the newest");
    assertNull(recent.register(exchange("0"), 11), "the oldest was forgotten first");
  }

  @Test
  void aFloodOfInFlightRequestsStopsBeingTrackedInsteadOfGrowing() {
    RecentRequests recent = new RecentRequests(WINDOW, 3);
    for (int i = 0; i < 100; i++) {
      recent.register(exchange(Integer.toString(i)), i);
    }
    assertEquals(6, recent.size());
  }

  @Test
  void answeredEntriesAreBoundedByTwiceWhatTheHubSendsInOneWindow() {
    RecentRequests recent = new RecentRequests(WINDOW, 4096);
    int hubWindow = 4 * RecentRequests.HUB_REQUESTS_PER_SECOND;
    for (int i = 0; i < 1000; i++) {
      Exchange e = exchange(Integer.toString(i));
      assertNull(recent.register(e, i));
      answer(recent, e, i);
    }
    assertEquals(2 * hubWindow + 1, recent.size(), "twice the hub's window of answered entries, plus the newest");
    assertNull(recent.register(exchange(Integer.toString(1000 - 2 * hubWindow - 1)), 1001), "older ones forgotten");
    assertEquals(Integer.toString(1000 - 2 * hubWindow), recent.register(exchange(Integer.toString(1000 - 2 * hubWindow)),
        1002).request.processId(), "the window's own still remembered");
  }

  @Test
  void aShortWindowStillRemembersSixteenAnswers() {
    assertEquals(16, RecentRequests.answeredLimit(TimeUnit.MILLISECONDS.toNanos(100), 4096));
    assertEquals(3, RecentRequests.answeredLimit(WINDOW, 3), "never more than the capacity");
  }
}
