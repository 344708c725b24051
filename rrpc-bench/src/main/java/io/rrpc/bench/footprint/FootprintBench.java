package io.rrpc.bench.footprint;

import io.rrpc.bench.e2e.BenchBrokers;
import io.rrpc.bench.e2e.BenchSettings;
import io.rrpc.bench.e2e.DeviceProcess;
import io.rrpc.bench.e2e.DeviceProcess.Kind;
import io.rrpc.bench.e2e.LoadDriver;
import io.rrpc.bench.e2e.RunResult;
import io.rrpc.bench.report.ResultFile;
import io.rrpc.testkit.LocalBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Footprint: the size of what a device ships; the smallest {@code -Xmx} with which a device JVM serves
 * 100,000 requests without running out of memory or slowing down under GC (found by bisection); and the
 * time from spawning the JVM to "subscribed" against an already-running broker (median of several),
 * framework vs raw Paho device.
 */
public final class FootprintBench {
  /** The mix the heap runs serve: text, JSON tree replies and a JSON command with a param. */
  private static final List<byte[]> MIX = Arrays.asList(
      bytes("closed"), bytes("open"), bytes("status"),
      bytes("{\"method\":\"setTemperature\",\"params\":{\"celsius\":24}}"));
  /** A run slower than this fraction of the roomy-heap run counts as a GC-bound slowdown. */
  private static final double MIN_SPEED_VS_REFERENCE = 0.75;
  /** A run whose device spent more than this fraction of its time in GC counts as GC-bound. */
  private static final double MAX_GC_FRACTION = 0.10;
  private static final int REFERENCE_XMX_MB = 64;

  private FootprintBench() {}

  public static void main(String[] args) throws Exception {
    Path results = BenchSettings.resultsDir();
    Files.createDirectories(results);
    ResultFile out = new ResultFile();
    jarSizes(out);
    int requests = BenchSettings.intSetting("bench.heapRequests", 100_000);
    int startups = BenchSettings.intSetting("bench.startups", 5);
    String brokerName = BenchBrokers.mosquittoAvailable() ? "mosquitto" : "embedded";
    out.put("footprint.broker", brokerName);
    try (LocalBroker broker = BenchBrokers.start(brokerName);
        LoadDriver driver = LoadDriver.connect(broker.uri(), BenchSettings.PRODUCT_ID, BenchSettings.DEVICE_NAME)) {
      startupTimes(out, broker, startups);
      out.put("heap.requests", requests);
      out.put("heap.maxGcFraction", MAX_GC_FRACTION);
      out.put("heap.minSpeedVsReference", MIN_SPEED_VS_REFERENCE);
      for (Kind kind : Kind.values()) {
        smallestHeap(out, kind, broker, driver, requests);
      }
    }
    out.write(results.resolve("footprint.properties"));
  }

  /** Jar sizes, from the built artifacts. */
  private static void jarSizes(ResultFile out) throws IOException {
    Path runtime = Paths.get(System.getProperty("bench.runtimeJar"));
    Path paho = classpathJar("org.eclipse.paho.client.mqttv3-");
    Path gson = classpathJar("gson-");
    Path dagger = classpathJar("dagger-");
    Path generated = Paths.get(System.getProperty("bench.airconClasses"));
    long generatedBytes = sizeOf(generated, name -> name.endsWith("_RrpcDispatcher.class"));
    long generatedModules = sizeOf(generated, name -> name.endsWith("_RrpcModule.class"));
    long aircon = sizeOf(generated, name -> name.endsWith(".class")) - generatedBytes - generatedModules;
    out.put("size.runtime", Files.size(runtime));
    out.put("size.paho", Files.size(paho));
    out.put("size.gson", Files.size(gson));
    out.put("size.dagger", Files.size(dagger));
    out.put("size.generatedDispatchers", generatedBytes);
    out.put("size.generatedModules", generatedModules);
    out.put("size.airconClasses", aircon);
    out.put("size.mustShip", Files.size(runtime) + Files.size(paho) + Files.size(gson) + generatedBytes);
    out.put("size.deviceJar", Files.size(BenchSettings.deviceJar()));
  }

  /** JVM spawn to "subscribed", alternating the devices; medians. */
  private static void startupTimes(ResultFile out, LocalBroker broker, int runs) throws IOException {
    Path shrunk = BenchSettings.deviceJar().resolveSibling("device-shrunk.jar");
    List<String> names = new ArrayList<>(Arrays.asList("framework", "raw"));
    if (Files.exists(shrunk)) {
      names.add("shrunk");
    }
    out.put("startup.runs", runs);
    for (String name : names) {
      Kind kind = "raw".equals(name) ? Kind.RAW : Kind.FRAMEWORK;
      Path jar = "shrunk".equals(name) ? shrunk : BenchSettings.deviceJar();
      // One unmeasured start first: the OS page cache then holds the jar and the JDK for every device alike.
      startOnce(kind, jar, broker);
    }
    for (String name : names) {
      Kind kind = "raw".equals(name) ? Kind.RAW : Kind.FRAMEWORK;
      Path jar = "shrunk".equals(name) ? shrunk : BenchSettings.deviceJar();
      out.put("startup." + name + ".loadedClasses", loadedClassesWhenServing(kind, jar, broker));
    }
    List<List<Long>> times = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      times.add(new ArrayList<>());
    }
    for (int run = 0; run < runs; run++) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        Kind kind = "raw".equals(name) ? Kind.RAW : Kind.FRAMEWORK;
        Path jar = "shrunk".equals(name) ? shrunk : BenchSettings.deviceJar();
        times.get(i).add(startOnce(kind, jar, broker));
      }
    }
    for (int i = 0; i < names.size(); i++) {
      List<Long> t = times.get(i);
      Collections.sort(t);
      out.put("startup." + names.get(i) + ".medianMillis", t.get(t.size() / 2) / 1e6);
      out.put("startup." + names.get(i) + ".minMillis", t.get(0) / 1e6);
    }
    out.put("startup.ratio", median(times.get(0)) / median(times.get(1)));
  }

  /** How many classes the device JVM has loaded once it serves (the stats query's own included). */
  private static long loadedClassesWhenServing(Kind kind, Path jar, LocalBroker broker) throws IOException {
    try (DeviceProcess device = DeviceProcess.start(kind, jar, BenchSettings.deviceJvmOptions("64m"), broker.uri(),
        BenchSettings.PRODUCT_ID, BenchSettings.DEVICE_NAME, BenchSettings.SECRET,
        BenchSettings.resultsDir().resolve("device-startup-" + kind.name().toLowerCase() + ".log"))) {
      return device.stats().loadedClasses;
    }
  }

  private static long startOnce(Kind kind, Path jar, LocalBroker broker) throws IOException {
    try (DeviceProcess device = DeviceProcess.start(kind, jar, BenchSettings.deviceJvmOptions("64m"), broker.uri(),
        BenchSettings.PRODUCT_ID, BenchSettings.DEVICE_NAME, BenchSettings.SECRET,
        BenchSettings.resultsDir().resolve("device-startup-" + kind.name().toLowerCase() + ".log"))) {
      return device.startupNanos();
    }
  }

  /**
   * Bisects the heap size in MiB between a size that fails and one that serves, trying the 16 MiB
   * target first so that the search centres on it.
   */
  private static void smallestHeap(ResultFile out, Kind kind, LocalBroker broker, LoadDriver driver, int requests)
      throws Exception {
    String prefix = "heap." + kind.name().toLowerCase();
    HeapRun reference = serve(kind, REFERENCE_XMX_MB, broker, driver, requests, null);
    if (!reference.completed) {
      throw new IllegalStateException(kind + " device cannot serve at -Xmx" + REFERENCE_XMX_MB + "m: " + reference);
    }
    out.put(prefix + ".referenceThroughput", reference.throughput);
    int good = REFERENCE_XMX_MB;
    HeapRun goodRun = reference;
    int bad = 0; // nothing below 1 MiB can be asked for; 1 MiB itself is tried like any other size
    int probe = 16;
    List<String> trail = new ArrayList<>();
    while (good - bad > 1) {
      HeapRun run = serve(kind, probe, broker, driver, requests, reference);
      trail.add(probe + "m:" + (run.passed ? "ok" : run.failure));
      if (run.passed) {
        good = probe;
        goodRun = run;
      } else {
        bad = probe;
      }
      probe = (good + bad) / 2;
    }
    out.put(prefix + ".smallestXmxMib", good);
    out.put(prefix + ".throughputAtSmallest", goodRun.throughput);
    out.put(prefix + ".gcFractionAtSmallest", goodRun.gcFraction);
    out.put(prefix + ".peakRssKibAtSmallest", goodRun.peakRssKib);
    out.put(prefix + ".firstFailingXmxMib", bad);
    out.put(prefix + ".trail", String.join(" ", trail));
  }

  private static HeapRun serve(Kind kind, int xmxMib, LocalBroker broker, LoadDriver driver, int requests,
      HeapRun reference) throws Exception {
    Path log = BenchSettings.resultsDir().resolve("device-heap-" + kind.name().toLowerCase() + ".log");
    Files.write(log, ("--- -Xmx" + xmxMib + "m\n").getBytes(StandardCharsets.UTF_8),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    DeviceProcess device;
    try {
      device = DeviceProcess.start(kind, BenchSettings.deviceJar(), BenchSettings.deviceJvmOptions(xmxMib + "m"),
          broker.uri(), BenchSettings.PRODUCT_ID, BenchSettings.DEVICE_NAME, BenchSettings.SECRET, log);
    } catch (IllegalStateException e) {
      return HeapRun.failed("does not start");
    }
    try {
      DeviceProcess.Stats before = device.stats();
      RunResult run = driver.run(requests, 64, MIX);
      if (!device.isAlive()) {
        return HeapRun.failed("OutOfMemoryError");
      }
      DeviceProcess.Stats after = device.stats();
      long peakRss = device.peakRssKib();
      if (run.lost() > 0 || run.errors > 0) {
        return HeapRun.failed(run.lost() + " lost, " + run.errors + " errors");
      }
      double gcFraction = (after.gcNanos - before.gcNanos) / (double) run.elapsedNanos;
      HeapRun result = new HeapRun(true, run.throughput(), gcFraction, peakRss);
      System.out.printf("  %s -Xmx%dm: %s, GC %.1f%%%n", kind, xmxMib, run, gcFraction * 100);
      if (reference == null) {
        return result;
      }
      if (gcFraction > MAX_GC_FRACTION) {
        return result.failing(String.format("GC %.0f%%", gcFraction * 100));
      }
      if (run.throughput() < MIN_SPEED_VS_REFERENCE * reference.throughput) {
        return result.failing(String.format("%.0f%% of the -Xmx%dm throughput", 100 * run.throughput() / reference.throughput,
            REFERENCE_XMX_MB));
      }
      return result;
    } catch (IllegalStateException e) {
      return HeapRun.failed(device.isAlive() ? "no stats" : "OutOfMemoryError");
    } finally {
      device.close();
    }
  }

  private static double median(List<Long> sorted) {
    return sorted.get(sorted.size() / 2);
  }

  private static Path classpathJar(String prefix) {
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Paths.get(entry);
      if (p.getFileName().toString().startsWith(prefix) && entry.endsWith(".jar")) {
        return p;
      }
    }
    throw new IllegalStateException("no " + prefix + "*.jar on the class path");
  }

  private static long sizeOf(Path directory, java.util.function.Predicate<String> name) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).filter(p -> name.test(p.getFileName().toString()))
          .mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** One heap run's outcome. */
  private static final class HeapRun {
    final boolean completed;
    final boolean passed;
    final String failure;
    final double throughput;
    final double gcFraction;
    final long peakRssKib;

    HeapRun(boolean completed, double throughput, double gcFraction, long peakRssKib) {
      this(completed, completed, null, throughput, gcFraction, peakRssKib);
    }

    private HeapRun(boolean completed, boolean passed, String failure, double throughput, double gcFraction,
        long peakRssKib) {
      this.completed = completed;
      this.passed = passed;
      this.failure = failure;
      this.throughput = throughput;
      this.gcFraction = gcFraction;
      this.peakRssKib = peakRssKib;
    }

    static HeapRun failed(String why) {
      return new HeapRun(false, false, why, 0, 0, -1);
    }

    HeapRun failing(String why) {
      return new HeapRun(completed, false, why, throughput, gcFraction, peakRssKib);
    }

    @Override
    public String toString() {
      return passed ? "ok" : failure;
    }
  }
}
