package io.rrpc.runtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The processIds in flight or answered within the last deadline window, so that a redelivered request
 * runs its handler once and gets the first one's reply.
 *
 * <p>Bounded: an answered entry leaves after one window, or earlier (oldest first) once more than
 * {@code capacity} are remembered. Entries are only added on Paho's callback thread; completions come
 * from any thread through a lock-free queue in completion order, which is also expiry order.
 */
final class RecentRequests {
  private final ConcurrentHashMap<String, Exchange> byProcessId = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Exchange> answered = new ConcurrentLinkedQueue<>();
  private final long windowNanos;
  private final int capacity;

  RecentRequests(long windowNanos, int capacity) {
    this.windowNanos = windowNanos;
    this.capacity = capacity;
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
  }

  int size() {
    return byProcessId.size();
  }

  private void evict(long nowNanos) {
    Exchange oldest;
    while ((oldest = answered.peek()) != null
        && (nowNanos - oldest.answeredAtNanos >= windowNanos || byProcessId.size() > capacity)) {
      answered.poll();
      byProcessId.remove(oldest.request.processId(), oldest);
    }
  }
}
