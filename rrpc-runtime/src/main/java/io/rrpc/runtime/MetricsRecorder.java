package io.rrpc.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link RrpcMetrics}; every update is one uncontended-ish atomic add. */
final class MetricsRecorder {
  final LongAdder received = new LongAdder();
  final LongAdder replied = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder lateResultsDropped = new LongAdder();
  final LongAdder expiredRepliesDropped = new LongAdder();
  final LongAdder invalidRequestsDropped = new LongAdder();
  final LongAdder retainedRequestsDropped = new LongAdder();
  final AtomicInteger inFlight = new AtomicInteger();
  final LatencyHistogram handlerLatency = new LatencyHistogram();
  private final LongAdder[] outcomes = new LongAdder[Outcome.values().length];

  MetricsRecorder() {
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = new LongAdder();
    }
  }

  void outcome(Outcome outcome) {
    outcomes[outcome.ordinal()].increment();
  }

  RrpcMetrics snapshot(int queued) {
    long[] byOutcome = new long[outcomes.length];
    for (int i = 0; i < outcomes.length; i++) {
      byOutcome[i] = outcomes[i].sum();
    }
    return new RrpcMetrics(received.sum(), replied.sum(), byOutcome, duplicates.sum(),
        lateResultsDropped.sum(), expiredRepliesDropped.sum(), invalidRequestsDropped.sum(), retainedRequestsDropped.sum(),
        inFlight.get(), queued, handlerLatency.snapshot());
  }
}
