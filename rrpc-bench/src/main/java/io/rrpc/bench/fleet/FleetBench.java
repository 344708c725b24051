package io.rrpc.bench.fleet;

import io.rrpc.bench.e2e.BenchSettings;
import io.rrpc.bench.report.ResultFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Many devices in one JVM against Mosquitto: for each run of {@code -Dbench.fleet.runs} (a comma list of
 * {@code devices:kind:threads[:jdk][@parallel]}, e.g. {@code 1000:framework:own,1000:raw:own,10000:raw:virtual:25@512}),
 * a fresh Mosquitto, a fleet JVM ({@link FleetMain}) that starts the devices {@code parallel} (else
 * {@code -Dbench.fleet.parallel}) at a time, one request to each device from {@link FleetDriver}, then the fleet's steady-state threads,
 * heap and resident set. {@code jdk} names a JDK given as {@code -Dbench.fleet.jdk.<jdk>=<java home>};
 * without it the fleet runs on the harness's own JDK.
 *
 * <p>Writes {@code <prefix>.runs} and {@code <prefix>.<id>.*} (prefix {@code -Dbench.fleet.prefix},
 * default {@code fleet}) to {@code -Dbench.fleet.output} (default {@code <results>/fleet.properties}); the
 * fleet JVMs' logs go to {@code <results>/fleet-<id>.log}.
 */
public final class FleetBench {
  private FleetBench() {}

  public static void main(String[] args) throws Exception {
    String prefix = System.getProperty("bench.fleet.prefix", "fleet");
    String runs = System.getProperty("bench.fleet.runs", "100:framework:own,100:raw:own");
    int parallel = BenchSettings.intSetting("bench.fleet.parallel", 64);
    Path output = Paths.get(System.getProperty("bench.fleet.output",
        BenchSettings.resultsDir().resolve("fleet.properties").toString()));
    Path logs = BenchSettings.resultsDir();
    Files.createDirectories(logs);
    ResultFile out = new ResultFile();
    List<String> ids = new ArrayList<>();
    out.put(prefix + ".parallel", parallel);
    for (String spec : runs.split(",")) {
      String id = run(out, prefix, spec.trim(), parallel, logs);
      ids.add(id);
      out.put(prefix + ".runs", String.join(",", ids));
      out.write(output); // after every run, so a long run that fails later keeps what it measured
    }
  }

  private static String run(ResultFile out, String prefix, String runSpec, int defaultParallel, Path logs)
      throws Exception {
    int at = runSpec.indexOf('@');
    String spec = at < 0 ? runSpec : runSpec.substring(0, at);
    int parallel = at < 0 ? defaultParallel : Integer.parseInt(runSpec.substring(at + 1));
    String[] parts = spec.split(":");
    int devices = Integer.parseInt(parts[0]);
    String kind = parts[1];
    String threads = parts[2];
    String javaHome = parts.length > 3 ? System.getProperty("bench.fleet.jdk." + parts[3]) : System.getProperty("java.home");
    if (javaHome == null) {
      throw new IllegalStateException(spec + ": no -Dbench.fleet.jdk." + parts[3] + "=<java home>");
    }
    String id = devices + "-" + kind + "-" + threads + (parts.length > 3 ? "-jdk" + parts[3] : "")
        + (at < 0 ? "" : "-p" + parallel);
    String p = prefix + "." + id + ".";
    System.out.println("fleet " + id + ": " + devices + " devices + 1 warm-up, " + parallel + " starting at a time");
    List<String> jvm = new ArrayList<>();
    String settle = System.getProperty("bench.fleet.settleMillis");
    if (settle != null) {
      jvm.add("-Dbench.fleet.settleMillis=" + settle);
    }
    String extra = System.getProperty("bench.fleetJvmExtra", "").trim();
    if (!extra.isEmpty()) {
      jvm.addAll(Arrays.asList(extra.split("\\s+")));
    }
    try (FleetBroker broker = FleetBroker.start()) {
      long brokerRssBefore = broker.rssKib();
      try (FleetProcess fleet = FleetProcess.start(javaHome, jvm,
              Arrays.asList(kind, broker.uri(), BenchSettings.PRODUCT_ID, Integer.toString(devices),
                  Integer.toString(parallel), threads),
              BenchSettings.SECRET, logs.resolve("fleet-" + id + ".log"));
          FleetDriver driver = FleetDriver.connect(broker.uri(), BenchSettings.PRODUCT_ID)) {
        Map<String, String> started = fleet.awaitStarted(30 * 60_000L);
        FleetDriver.Result rtt = driver.oneRequestEach(0, devices);
        // A second round: a device's first request also pays for what it sets up on first use.
        FleetDriver.Result again = driver.oneRequestEach(0, devices);
        Map<String, String> after = fleet.figures();
        out.put(p + "devices", devices);
        out.put(p + "parallel", parallel);
        out.put(p + "kind", kind);
        out.put(p + "threads", threads);
        out.put(p + "java", started.get("java"));
        out.put(p + "failedStarts", started.get("failed"));
        out.put(p + "firstFailure", started.get("firstFailure"));
        out.put(p + "startMillis", Long.parseLong(started.get("startNanos")) / 1e6);
        out.put(p + "startCpuMillisPerDevice", Long.parseLong(started.get("startCpuNanos")) / 1e6 / devices);
        out.put(p + "platformThreadsAtStart", started.get("threadsAtStart"));
        out.put(p + "platformThreads", after.get("threadsAfter"));
        out.put(p + "platformThreadsPerDevice", perDevice(started, after, "threads", devices));
        out.put(p + "osThreads", after.get("osThreadsAfter"));
        out.put(p + "osThreadsPerDevice", perDevice(started, after, "osThreads", devices));
        out.put(p + "heapPerDeviceBytes", perDevice(started, after, "heap", devices));
        out.put(p + "rssPerDeviceKib", perDevice(started, after, "rssKib", devices));
        out.put(p + "rssKib", after.get("rssKibAfter"));
        out.put(p + "brokerRssPerDeviceKib", (broker.rssKib() - brokerRssBefore) / (double) (devices + 1));
        out.put(p + "brokerOpenFileLimit", broker.openFileLimit());
        out.put(p + "asked", rtt.asked);
        out.put(p + "answered", rtt.answered);
        out.put(p + "wrongReplies", rtt.wrongReplies);
        out.put(p + "p50Micros", rtt.p50Micros);
        out.put(p + "p99Micros", rtt.p99Micros);
        out.put(p + "maxMicros", rtt.maxMicros);
        out.put(p + "secondAnswered", again.answered);
        out.put(p + "secondP50Micros", again.p50Micros);
        out.put(p + "secondP99Micros", again.p99Micros);
        if (Arrays.asList(System.getProperty("bench.fleet.restartRuns", "").split(",")).contains(id)) {
          reconnectStorm(out, p, broker, fleet, devices + 1);
        }
      }
    }
    return id;
  }

  /**
   * Kills and restarts the broker under the fleet, then asks the fleet every 100 ms how many devices are
   * connected again, until all are (or two minutes passed), and sends one request to each once more.
   */
  private static void reconnectStorm(ResultFile out, String p, FleetBroker broker, FleetProcess fleet, int total)
      throws Exception {
    broker.restart();
    long up = System.nanoTime();
    StringBuilder curve = new StringBuilder();
    double half = -1;
    double ninety = -1;
    double all = -1;
    long deadline = up + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      int connected = fleet.connected();
      double seconds = (System.nanoTime() - up) / 1e9;
      curve.append(String.format(java.util.Locale.ROOT, "%.1fs:%d ", seconds, connected));
      if (half < 0 && connected * 2 >= total) {
        half = seconds;
      }
      if (ninety < 0 && connected * 10 >= total * 9) {
        ninety = seconds;
      }
      if (connected == total) {
        all = seconds;
        break;
      }
      // The fleet runs in another JVM: there is no event to wait on, only its count to sample.
      TimeUnit.MILLISECONDS.sleep(100);
    }
    out.put(p + "restart.halfConnectedSeconds", half);
    out.put(p + "restart.ninetyConnectedSeconds", ninety);
    out.put(p + "restart.allConnectedSeconds", all);
    out.put(p + "restart.curve", curve.toString().trim());
    try (FleetDriver driver = FleetDriver.connect(broker.uri(), BenchSettings.PRODUCT_ID)) {
      FleetDriver.Result rtt = driver.oneRequestEach(0, total - 1);
      out.put(p + "restart.answered", rtt.answered);
      out.put(p + "restart.allServingSeconds", (System.nanoTime() - up) / 1e9);
    }
  }

  private static double perDevice(Map<String, String> before, Map<String, String> after, String figure, int devices) {
    return (Double.parseDouble(after.get(figure + "After")) - Double.parseDouble(before.get(figure + "Before"))) / devices;
  }
}
