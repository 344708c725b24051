package io.rrpc.bench.e2e;

import io.rrpc.bench.e2e.DeviceProcess.Kind;
import io.rrpc.bench.report.ResultFile;
import io.rrpc.testkit.LocalBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * End-to-end: the framework's aircon device and the raw Paho device, each in its own JVM, answer the
 * load driver on the same broker in the same invocation — Moquette embedded in this JVM, then
 * Mosquitto. For each: sequential round trips (latency percentiles) and 64 requests in flight
 * (throughput), plus the device JVM's CPU time per request. Rounds alternate the device order (F R, R F,
 * …) and each figure is the best round's, which filters out interference from other work on a shared
 * machine without favouring either device; every round's figures are recorded too.
 */
public final class EndToEndBench {
  private static final List<byte[]> CLOSED = Collections.singletonList("closed".getBytes(StandardCharsets.UTF_8));

  private EndToEndBench() {}

  public static void main(String[] args) throws Exception {
    int latencyRequests = BenchSettings.intSetting("bench.latencyRequests", 5_000);
    int throughputRequests = BenchSettings.intSetting("bench.throughputRequests", 50_000);
    int inFlight = BenchSettings.intSetting("bench.inFlight", 64);
    int warmup = BenchSettings.intSetting("bench.warmupRequests", 30_000);
    int rounds = BenchSettings.intSetting("bench.rounds", 4);
    Path results = BenchSettings.resultsDir();
    java.nio.file.Files.createDirectories(results);
    ResultFile out = new ResultFile();
    out.put("e2e.latencyRequests", latencyRequests).put("e2e.throughputRequests", throughputRequests)
        .put("e2e.inFlight", inFlight).put("e2e.warmupRequests", warmup).put("e2e.rounds", rounds)
        .put("e2e.deviceJvm", String.join(" ", BenchSettings.deviceJvmOptions("64m")));

    String[] brokers = System.getProperty("bench.brokers",
        BenchBrokers.mosquittoAvailable() ? "embedded,mosquitto" : "embedded").split(",");
    for (String brokerName : brokers) {
      System.out.println("end-to-end on " + brokerName);
      Best framework = new Best();
      Best raw = new Best();
      try (LocalBroker broker = BenchBrokers.start(brokerName);
          LoadDriver driver = LoadDriver.connect(broker.uri(), BenchSettings.PRODUCT_ID, BenchSettings.DEVICE_NAME)) {
        for (int r = 0; r < rounds; r++) {
          Kind first = r % 2 == 0 ? Kind.FRAMEWORK : Kind.RAW;
          Kind second = first == Kind.FRAMEWORK ? Kind.RAW : Kind.FRAMEWORK;
          for (Kind kind : new Kind[] {first, second}) {
            Best best = kind == Kind.FRAMEWORK ? framework : raw;
            String round = measure(kind, broker, driver, results, warmup, latencyRequests, throughputRequests, inFlight, best);
            out.put("e2e." + brokerName + "." + kind.arg + ".round" + (r + 1), round);
          }
        }
        out.put("e2e." + brokerName + ".strayReplies", driver.strays());
      }
      framework.write(out, "e2e." + brokerName + ".framework");
      raw.write(out, "e2e." + brokerName + ".raw");
      out.put("e2e." + brokerName + ".ratio.throughput", framework.throughput / raw.throughput);
      out.put("e2e." + brokerName + ".ratio.p50", framework.p50 / raw.p50);
      out.put("e2e." + brokerName + ".ratio.p99", framework.p99 / raw.p99);
      out.put("e2e." + brokerName + ".ratio.p999", framework.p999 / raw.p999);
      out.put("e2e." + brokerName + ".ratio.cpuPerRequest", framework.cpuMicrosPerRequest / raw.cpuMicrosPerRequest);
    }
    out.put("e2e.brokers", String.join(",", brokers));
    out.write(results.resolve("e2e.properties"));
  }

  /** Measures one device once; returns the round's figures as one line for the record. */
  private static String measure(Kind kind, LocalBroker broker, LoadDriver driver, Path results, int warmup,
      int latencyRequests, int throughputRequests, int inFlight, Best best) throws Exception {
    Path log = results.resolve("device-e2e-" + kind.arg + ".log");
    try (DeviceProcess device = DeviceProcess.start(kind, BenchSettings.deviceJar(),
        BenchSettings.deviceJvmOptions("64m"), broker.uri(), BenchSettings.PRODUCT_ID, BenchSettings.DEVICE_NAME,
        BenchSettings.SECRET, log)) {
      // Warm-up: both shapes of load, so the JIT has compiled the paths each phase takes.
      driver.run(warmup, inFlight, CLOSED);
      driver.run(Math.max(1, warmup / 10), 1, CLOSED);
      DeviceProcess.Stats before = device.stats();
      RunResult latency = driver.run(latencyRequests, 1, CLOSED);
      RunResult throughput = driver.run(throughputRequests, inFlight, CLOSED);
      DeviceProcess.Stats after = device.stats();
      System.out.println("  " + kind.arg + " sequential: " + latency);
      System.out.println("  " + kind.arg + " " + inFlight + " in flight: " + throughput);
      System.out.println("  " + kind.arg + " " + after.line);
      checkComplete(kind, latency);
      checkComplete(kind, throughput);
      double cpu = (after.cpuNanos - before.cpuNanos) / 1000.0 / (latencyRequests + throughput.total);
      long gcs = after.gcCount - before.gcCount;
      double gcMillis = (after.gcNanos - before.gcNanos) / 1e6;
      best.offer(latency, throughput, cpu, gcs, gcMillis);
      return String.format(java.util.Locale.ROOT,
          "sequential p50/p99/p99.9 %.0f/%.0f/%.0f µs; %.0f req/s; %.1f µs CPU/request; %d GCs, %.0f ms",
          latency.percentileMicros(0.5), latency.percentileMicros(0.99), latency.percentileMicros(0.999),
          throughput.throughput(), cpu, gcs, gcMillis);
    }
  }

  private static void checkComplete(Kind kind, RunResult run) {
    if (run.lost() > 0 || run.errors > 0) {
      throw new IllegalStateException(kind + " device: " + run.lost() + " requests lost, " + run.errors
          + " error replies: " + run);
    }
  }

  /** The best of the rounds, figure by figure. */
  private static final class Best {
    double throughput;
    double p50 = Double.MAX_VALUE;
    double p99 = Double.MAX_VALUE;
    double p999 = Double.MAX_VALUE;
    double loadedP50 = Double.MAX_VALUE;
    double loadedP99 = Double.MAX_VALUE;
    double cpuMicrosPerRequest = Double.MAX_VALUE;
    long gcs = Long.MAX_VALUE;
    double gcMillis = Double.MAX_VALUE;

    void offer(RunResult latency, RunResult load, double cpu, long gcCount, double gcTime) {
      gcs = Math.min(gcs, gcCount);
      gcMillis = Math.min(gcMillis, gcTime);
      throughput = Math.max(throughput, load.throughput());
      p50 = Math.min(p50, latency.percentileMicros(0.5));
      p99 = Math.min(p99, latency.percentileMicros(0.99));
      p999 = Math.min(p999, latency.percentileMicros(0.999));
      loadedP50 = Math.min(loadedP50, load.percentileMicros(0.5));
      loadedP99 = Math.min(loadedP99, load.percentileMicros(0.99));
      cpuMicrosPerRequest = Math.min(cpuMicrosPerRequest, cpu);
    }

    void write(ResultFile out, String prefix) {
      out.put(prefix + ".throughput", throughput);
      out.put(prefix + ".p50", p50);
      out.put(prefix + ".p99", p99);
      out.put(prefix + ".p999", p999);
      out.put(prefix + ".loadedP50", loadedP50);
      out.put(prefix + ".loadedP99", loadedP99);
      out.put(prefix + ".cpuPerRequest", cpuMicrosPerRequest);
      out.put(prefix + ".gcs", gcs);
      out.put(prefix + ".gcMillis", gcMillis);
    }
  }
}
