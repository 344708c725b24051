package io.rrpc.bench.e2e;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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

  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final long startupNanos;
  private final Kind kind;

  private DeviceProcess(Process process, Kind kind, long spawnedAt, long timeoutMillis) throws IOException {
    this.process = process;
    this.kind = kind;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readLines, "device-stdout");
    reader.setDaemon(true);
    reader.start();
    String first = next(timeoutMillis);
    // The JVM may print its own lines first (e.g. JFR's "Started recording").
    while (first != null && !first.equals("subscribed") && !first.startsWith("failed") && !first.equals("<exited>")) {
      first = next(timeoutMillis);
    }
    this.startupNanos = System.nanoTime() - spawnedAt;
    if (!"subscribed".equals(first)) {
      process.destroyForcibly();
      throw new IllegalStateException(kind + " device did not start (got " + first + "), exit "
          + (process.isAlive() ? "n/a" : Integer.toString(process.exitValue())));
    }
  }

  /**
   * Starts {@code java <jvmOptions> -cp <jar> DeviceMain <kind> <brokerUri> <productId> <deviceName>}
   * and waits for it to serve. Its stderr (the device's log) goes to {@code log}.
   */
  public static DeviceProcess start(Kind kind, Path jar, List<String> jvmOptions, String brokerUri,
      String productId, String deviceName, String secret, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(jar.toString());
    command.add("io.rrpc.bench.device.DeviceMain");
    command.add(kind.arg);
    command.add(brokerUri);
    command.add(productId);
    command.add(deviceName);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("RRPC_BENCH_DEVICE_SECRET", secret);
    long spawnedAt = System.nanoTime();
    Process process = builder.start();
    return new DeviceProcess(process, kind, spawnedAt, 30_000);
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
    return process.isAlive();
  }

  /** The device JVM's peak resident set (Linux {@code VmHWM}), in KiB; -1 where /proc cannot tell. */
  public long peakRssKib() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Paths.get("/proc/" + process.pid() + "/status"))) {
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
    send("stats");
    String line = next(10_000);
    if (line == null || !line.startsWith("stats ")) {
      throw new IllegalStateException("no stats from the " + kind + " device (got " + line + ")");
    }
    Map<String, String> values = new HashMap<>();
    for (String field : line.split(" ")) {
      int eq = field.indexOf('=');
      if (eq > 0) {
        values.put(field.substring(0, eq), field.substring(eq + 1));
      }
    }
    return new Stats(Long.parseLong(values.get("cpuNanos")), Long.parseLong(values.get("gcNanos")),
        Long.parseLong(values.get("gcCount")), Long.parseLong(values.get("heapUsed")),
        Long.parseLong(values.get("loadedClasses")), line);
  }

  /** Asks the device to close and waits for its JVM to end. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        send("stop");
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException | InterruptedException e) {
      // fall through to the forcible end
    }
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private void send(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  private String next(long timeoutMillis) {
    try {
      return lines.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void readLines() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the JVM is gone
    }
    lines.add("<exited>");
  }

  private static String javaBinary() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
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
