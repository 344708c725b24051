package io.rrpc.runtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The processIds in flight or answered within the last deadline window, so that a redelivered request
 * runs its handler once and gets the first one's reply.
 *
 * <p>Bounded: an answered entry leaves after one window, or earlier (oldest first) once more answered
 * ones are remembered than the window needs (see {@link #answeredLimit}). Entries are only added on
 * Paho's callback thread; completions come from any thread through a lock-free queue in completion order,
 * which is also expiry order.
 *
 * <p>What a window needs: Tencent's hub sends a device at most {@value #HUB_REQUESTS_PER_SECOND}
 * requests a second (PublishRRPCMessage's rate limit), so one deadline window holds at most that many
 * times its length in seconds; twice that leaves room for bursts. Remembering more only matters to a
 * cloud side that floods the device faster than the hub can, and costs heap that survives every young
 * collection (an answered entry holds its request and its reply): a fixed 4,096 entries made the
 * smallest heap of a device several MiB larger.
 */
final class RecentRequests {
  /** The most RRPC requests a second Tencent's hub sends (PublishRRPCMessage's rate limit). */
  static final int HUB_REQUESTS_PER_SECOND = 20;
  /** Never fewer answered entries than this, however short the window. */
  private static final int MIN_ANSWERED = 16;

  private final ConcurrentHashMap<String, Exchange> byProcessId = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Exchange> answered = new ConcurrentLinkedQueue<>();
  /** The length of {@link #answered}, which a {@code ConcurrentLinkedQueue} can only count by walking it. */
  private final AtomicInteger answeredCount = new AtomicInteger();
  private final long windowNanos;
  private final int capacity;
  private final int answeredLimit;

  /**
   * @param windowNanos how long an answered processId is remembered
   * @param capacity the most processIds ever remembered, answered ones; twice that, counting those in flight
   */
  RecentRequests(long windowNanos, int capacity) {
    this.windowNanos = windowNanos;
    this.capacity = capacity;
    this.answeredLimit = answeredLimit(windowNanos, capacity);
  }

  /** Twice what the hub can send in one window, at least {@value #MIN_ANSWERED}, at most {@code capacity}. */
  static int answeredLimit(long windowNanos, int capacity) {
    long perWindow = (windowNanos * HUB_REQUESTS_PER_SECOND + 999_999_999L) / 1_000_000_000L;
    return (int) Math.min(capacity, Math.max(MIN_ANSWERED, 2 * perWindow));
  }

  /**
   * Remembers {@code exchange} unless its processId is already known.
   *
   * @return the earlier exchange with the same processId, or {@code null} when this one is new
   */
  Exchange register(Exchange exchange, long nowNanos) {
    evict(nowNanos);
    String id = exchange.request.processId();
    Exchange earlier = byProcessId.get(id);
    if (earlier != null) {
      return earlier;
    }
    if (byProcessId.size() < 2 * capacity) {
      // Beyond that everything remembered is still in flight (a flood); stop tracking rather than grow.
      byProcessId.put(id, exchange);
    }
    return null;
  }

  /** Called once per exchange when it is answered, from whichever thread answered it. */
  void answered(Exchange exchange) {
    answered.add(exchange);
    answeredCount.incrementAndGet();
  }

  int size() {
    return byProcessId.size();
  }

  private void evict(long nowNanos) {
    Exchange oldest;
    while ((oldest = answered.peek()) != null
        && (nowNanos - oldest.answeredAtNanos >= windowNanos || answeredCount.get() > answeredLimit)) {
      answered.poll();
      answeredCount.decrementAndGet();
      byProcessId.remove(oldest.request.processId(), oldest);
    }
  }
}
