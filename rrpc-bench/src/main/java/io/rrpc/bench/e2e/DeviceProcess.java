package io.rrpc.bench.e2e;

import io.rrpc.bench.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A device in a JVM of its own ({@code io.rrpc.bench.device.DeviceMain} from a jar), so that its heap,
 * GC and CPU time are its own and neither the driver nor the broker shares them. Measures the time from
 * spawning the JVM to the device's {@code subscribed} line.
 */
public final class DeviceProcess implements AutoCloseable {
  /** Which device the JVM runs. */
  public enum Kind {
    FRAMEWORK("framework"), RAW("raw");

    final String arg;

    Kind(String arg) {
      this.arg = arg;
    }
  }

  private final ChildJvm jvm;
  private final long startupNanos;
  private final Kind kind;

  private DeviceProcess(ChildJvm jvm, Kind kind, long spawnedAt, long timeoutMillis) {
    this.jvm = jvm;
    this.kind = kind;
    String first = jvm.awaitLine(timeoutMillis, "subscribed", "failed");
    this.startupNanos = System.nanoTime() - spawnedAt;
    if (!"subscribed".equals(first)) {
      jvm.kill();
      throw new IllegalStateException(kind + " device did not start (got " + first + ")");
    }
  }

  /**
   * Starts {@code java <jvmOptions> -cp <jar> DeviceMain <kind> <brokerUri> <productId> <deviceName>}
   * and waits for it to serve. Its stderr (the device's log) goes to {@code log}.
   */
  public static DeviceProcess start(Kind kind, Path jar, List<String> jvmOptions, String brokerUri,
      String productId, String deviceName, String secret, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ChildJvm.javaBinary(System.getProperty("java.home")));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(jar.toString());
    command.add("io.rrpc.bench.device.DeviceMain");
    command.add(kind.arg);
    command.add(brokerUri);
    command.add(productId);
    command.add(deviceName);
    long spawnedAt = System.nanoTime();
    ChildJvm jvm = ChildJvm.start(kind.arg + " device", command,
        Collections.singletonMap("RRPC_BENCH_DEVICE_SECRET", secret), log);
    return new DeviceProcess(jvm, kind, spawnedAt, 30_000);
  }

  /** From spawning the JVM to its {@code subscribed} line. */
  public long startupNanos() {
    return startupNanos;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the JVM still runs (an {@code OutOfMemoryError} with ExitOnOutOfMemoryError ends it). */
  public boolean isAlive() {
    return jvm.isAlive();
  }

  /** The device JVM's peak resident set (Linux {@code VmHWM}), in KiB; -1 where /proc cannot tell. */
  public long peakRssKib() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Paths.get("/proc/" + jvm.pid() + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return -1;
  }

  /** The device JVM's CPU and GC counters right now. */
  public Stats stats() throws IOException {
    jvm.send("stats");
    String line = jvm.require("stats ", 10_000);
    Map<String, String> values = ChildJvm.fields(line);
    return new Stats(Long.parseLong(values.get("cpuNanos")), Long.parseLong(values.get("gcNanos")),
        Long.parseLong(values.get("gcCount")), Long.parseLong(values.get("heapUsed")),
        Long.parseLong(values.get("loadedClasses")), line);
  }

  /** Asks the device to close and waits for its JVM to end. */
  @Override
  public void close() {
    jvm.stop(10);
  }

  /** A device JVM's counters; subtract two to get the cost of what ran between them. */
  public static final class Stats {
    public final long cpuNanos;
    public final long gcNanos;
    public final long gcCount;
    public final long heapUsed;
    /** Classes loaded since the JVM started (including the management classes that answer this). */
    public final long loadedClasses;
    public final String line;

    Stats(long cpuNanos, long gcNanos, long gcCount, long heapUsed, long loadedClasses, String line) {
      this.cpuNanos = cpuNanos;
      this.gcNanos = gcNanos;
      this.gcCount = gcCount;
      this.heapUsed = heapUsed;
      this.loadedClasses = loadedClasses;
      this.line = line;
    }
  }
}
