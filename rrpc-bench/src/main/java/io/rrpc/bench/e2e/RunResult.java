package io.rrpc.bench.e2e;

import java.util.Arrays;

/** What one driver run measured: answered requests, error replies, round-trip times, duration. */
public final class RunResult {
  public final int total;
  public final int inFlight;
  public final int answered;
  public final int errors;
  public final long elapsedNanos;
  private final long[] sortedRtt;

  RunResult(int total, int inFlight, int answered, int errors, long[] rtt, long elapsedNanos) {
    this.total = total;
    this.inFlight = inFlight;
    this.answered = answered;
    this.errors = errors;
    this.elapsedNanos = elapsedNanos;
    // rtt is complete here: the run's latch (or its timeout) ordered every reply before this.
    this.sortedRtt = Arrays.stream(rtt).filter(t -> t > 0).sorted().toArray();
  }

  /** Requests with no reply within the hub's 4 s. */
  public int lost() {
    return total - answered;
  }

  /** Replies per second from the first request to the last reply. */
  public double throughput() {
    return elapsedNanos <= 0 ? 0 : answered * 1e9 / elapsedNanos;
  }

  /** The round-trip time at quantile {@code q} (0.5, 0.99, 0.999), in microseconds. */
  public double percentileMicros(double q) {
    if (sortedRtt.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(q * sortedRtt.length) - 1;
    return sortedRtt[Math.max(0, Math.min(sortedRtt.length - 1, index))] / 1000.0;
  }

  @Override
  public String toString() {
    return String.format("%d/%d answered (%d errors) in %.2f s, %.0f/s, p50 %.0f us, p99 %.0f us, p999 %.0f us",
        answered, total, errors, elapsedNanos / 1e9, throughput(), percentileMicros(0.5), percentileMicros(0.99),
        percentileMicros(0.999));
  }
}
