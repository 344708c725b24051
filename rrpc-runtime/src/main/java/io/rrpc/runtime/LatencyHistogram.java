package io.rrpc.runtime;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free latency histogram with eight buckets per power of two of microseconds, so a percentile
 * read from it is within 12.5% of the true value. Recording is two atomic adds.
 *
 * <p>The buckets of an octave are allocated when the first value falls in it: handler latencies span a
 * few octaves, so a device that has served requests holds a few hundred bytes of buckets rather than all
 * {@value #BUCKETS} counters, and one that has not served any (most of a large fleet, most of the time)
 * holds none.
 */
final class LatencyHistogram {
  private static final int SUB_BUCKETS = 8;
  // Values below 8 µs get one bucket each; above, 8 per octave up to 2^40 µs (12 days).
  private static final int BUCKETS = SUB_BUCKETS + (40 - 3) * SUB_BUCKETS;
  private static final int OCTAVES = BUCKETS / SUB_BUCKETS;

  /** Per octave, its {@value #SUB_BUCKETS} counters, or null until a value falls in it. */
  private final AtomicReferenceArray<AtomicLongArray> octaves = new AtomicReferenceArray<>(OCTAVES);
  private final LongAdder totalNanos = new LongAdder();
  private final LongAdder count = new LongAdder();
  private volatile long maxNanos;

  void record(long nanos) {
    if (nanos < 0) {
      nanos = 0;
    }
    int i = index(nanos / 1000);
    octave(i / SUB_BUCKETS).incrementAndGet(i % SUB_BUCKETS);
    totalNanos.add(nanos);
    count.increment();
    long max = maxNanos;
    if (nanos > max) {
      // A lost race only loses a maximum that another thread just raised; good enough for a metric.
      maxNanos = nanos;
    }
  }

  private AtomicLongArray octave(int o) {
    AtomicLongArray counts = octaves.get(o);
    if (counts == null) {
      // Two threads may both allocate; the loser's array is dropped before it counted anything.
      octaves.compareAndSet(o, null, new AtomicLongArray(SUB_BUCKETS));
      counts = octaves.get(o);
    }
    return counts;
  }

  static int index(long micros) {
    if (micros < SUB_BUCKETS) {
      return (int) micros;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(micros);
    int sub = (int) (micros >>> (exponent - 3)) & (SUB_BUCKETS - 1);
    int i = SUB_BUCKETS + (exponent - 3) * SUB_BUCKETS + sub;
    return Math.min(i, BUCKETS - 1);
  }

  /** The largest microsecond value that falls in bucket {@code i}. */
  static long upperBoundMicros(int i) {
    if (i < SUB_BUCKETS) {
      return i;
    }
    int exponent = (i - SUB_BUCKETS) / SUB_BUCKETS + 3;
    int sub = (i - SUB_BUCKETS) % SUB_BUCKETS;
    return ((long) (SUB_BUCKETS + sub + 1) << (exponent - 3)) - 1;
  }

  Snapshot snapshot() {
    long[] copy = new long[BUCKETS];
    for (int o = 0; o < OCTAVES; o++) {
      AtomicLongArray counts = octaves.get(o);
      for (int j = 0; counts != null && j < SUB_BUCKETS; j++) {
        copy[o * SUB_BUCKETS + j] = counts.get(j);
      }
    }
    return new Snapshot(copy, count.sum(), totalNanos.sum(), maxNanos);
  }

  /** An immutable copy for {@link RrpcMetrics}. */
  static final class Snapshot {
    final long[] counts;
    final long count;
    final long totalNanos;
    final long maxNanos;

    Snapshot(long[] counts, long count, long totalNanos, long maxNanos) {
      this.counts = counts;
      this.count = count;
      this.totalNanos = totalNanos;
      this.maxNanos = maxNanos;
    }

    long percentileNanos(double percentile) {
      long total = 0;
      for (long c : counts) {
        total += c;
      }
      if (total == 0) {
        return 0;
      }
      long rank = (long) Math.ceil(percentile / 100.0 * total);
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= Math.max(1, rank)) {
          return Math.min(maxNanos, upperBoundMicros(i) * 1000 + 999);
        }
      }
      return maxNanos;
    }
  }
}
