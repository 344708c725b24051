package io.rrpc.runtime;

import java.util.concurrent.TimeUnit;

/**
 * A snapshot of a device's counters since it was built, from {@link RrpcDevice#metrics()}. Counters
 * are read one by one while requests keep flowing, so two of them may be a request apart.
 * Immutable, so thread-safe.
 */
public final class RrpcMetrics {
  private final long received;
  private final long replied;
  private final long[] outcomes;
  private final long duplicates;
  private final long lateResultsDropped;
  private final long expiredRepliesDropped;
  private final long invalidRequestsDropped;
  private final long retainedRequestsDropped;
  private final int inFlight;
  private final int queued;
  private final LatencyHistogram.Snapshot handlerLatency;

  RrpcMetrics(long received, long replied, long[] outcomes, long duplicates, long lateResultsDropped,
      long expiredRepliesDropped, long invalidRequestsDropped, long retainedRequestsDropped, int inFlight, int queued,
      LatencyHistogram.Snapshot handlerLatency) {
    this.received = received;
    this.replied = replied;
    this.outcomes = outcomes;
    this.duplicates = duplicates;
    this.lateResultsDropped = lateResultsDropped;
    this.expiredRepliesDropped = expiredRepliesDropped;
    this.invalidRequestsDropped = invalidRequestsDropped;
    this.retainedRequestsDropped = retainedRequestsDropped;
    this.inFlight = inFlight;
    this.queued = queued;
    this.handlerLatency = handlerLatency;
  }

  /** {@return requests that arrived on the request topic, valid or not, duplicates included} */
  public long received() {
    return received;
  }

  /** {@return replies handed to the network, including the repeats that answer duplicates} */
  public long replied() {
    return replied;
  }

  /**
   * Requests that ended with this outcome (duplicates are not counted again).
   *
   * @param outcome the outcome
   * @return requests that ended with this outcome (duplicates are not counted again)
   */
  public long outcome(Outcome outcome) {
    return outcomes[outcome.ordinal()];
  }

  /**
   * {@return requests whose processId was already being handled or recently answered; the handler did not run again}
   */
  public long duplicates() {
    return duplicates;
  }

  /** {@return handler results that came after the timeout reply had been sent; never published} */
  public long lateResultsDropped() {
    return lateResultsDropped;
  }

  /**
   * {@return replies that could not be published before their deadline (the connection was down); never published}
   */
  public long expiredRepliesDropped() {
    return expiredRepliesDropped;
  }

  /**
   * {@return requests whose topic had no valid processId, so no reply topic existed; dropped unanswered}
   */
  public long invalidRequestsDropped() {
    return invalidRequestsDropped;
  }

  /**
   * Requests published with the retain flag; dropped unanswered and never executed. Tencent's hub never
   * retains RRPC requests: a retained one is a stale command that a broker replays at every subscribe.
   *
   * @return requests published with the retain flag; dropped unanswered and never executed
   */
  public long retainedRequestsDropped() {
    return retainedRequestsDropped;
  }

  /** {@return requests accepted and not yet answered, right now} */
  public int inFlight() {
    return inFlight;
  }

  /** {@return requests waiting for a worker, right now} */
  public int queued() {
    return queued;
  }

  /** {@return handler calls measured (sync and async), whatever their outcome} */
  public long handlerCalls() {
    return handlerLatency.count;
  }

  /**
   * Mean time from calling a handler to its result, or 0 before the first call.
   *
   * @param unit the unit of the other arguments
   * @return mean time from calling a handler to its result, or 0 before the first call
   */
  public long handlerLatencyMean(TimeUnit unit) {
    long count = handlerLatency.count;
    return count == 0 ? 0 : unit.convert(handlerLatency.totalNanos / count, TimeUnit.NANOSECONDS);
  }

  /**
   * The longest handler call so far.
   *
   * @param unit the unit of the other arguments
   * @return the longest handler call so far
   */
  public long handlerLatencyMax(TimeUnit unit) {
    return unit.convert(handlerLatency.maxNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * The handler latency below which {@code percentile} percent of calls fall (for example 99.0), within
   * 12.5%; 0 before the first call.
   *
   * @param percentile the percentile, in (0, 100]
   * @param unit the unit of the other arguments
   * @return the handler latency below which {@code percentile} percent of calls fall (for example
   *     99.0), within 12.5%; 0 before the first call
   */
  public long handlerLatencyPercentile(double percentile, TimeUnit unit) {
    if (percentile <= 0 || percentile > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
    }
    return unit.convert(handlerLatency.percentileNanos(percentile), TimeUnit.NANOSECONDS);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("RrpcMetrics{received=").append(received)
        .append(", replied=").append(replied);
    for (Outcome o : Outcome.values()) {
      if (outcomes[o.ordinal()] != 0) {
        s.append(", ").append(o.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(outcomes[o.ordinal()]);
      }
    }
    return s.append(", duplicates=").append(duplicates)
        .append(", lateResultsDropped=").append(lateResultsDropped)
        .append(", expiredRepliesDropped=").append(expiredRepliesDropped)
        .append(", invalidRequestsDropped=").append(invalidRequestsDropped)
        .append(", retainedRequestsDropped=").append(retainedRequestsDropped)
        .append(", inFlight=").append(inFlight)
        .append(", queued=").append(queued)
        .append(", handlerP50=").append(handlerLatencyPercentile(50, TimeUnit.MICROSECONDS)).append("us")
        .append(", handlerP99=").append(handlerLatencyPercentile(99, TimeUnit.MICROSECONDS)).append("us")
        .append('}').toString();
  }
}
