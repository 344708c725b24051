package io.rrpc.bench.e2e;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Settings shared by the harness steps, from system properties set by bench/run-all. */
public final class BenchSettings {
  public static final String PRODUCT_ID = "KL4J2XXXX8";
  public static final String DEVICE_NAME = "airConditioner1";
  /** A throwaway secret: the bench brokers check no logins, but the framework device still signs. */
  public static final String SECRET = Base64.getEncoder().encodeToString("rrpc-bench-secret".getBytes());

  private BenchSettings() {}

  /** The unshrunk device jar (DeviceMain, aircon, runtime, Paho, Gson, Dagger). */
  public static Path deviceJar() {
    return Paths.get(required("bench.deviceJar"));
  }

  /** Where each step writes its {@code .properties} file and the device logs. */
  public static Path resultsDir() {
    return Paths.get(required("bench.results"));
  }

  /**
   * The options of every device JVM (see BENCHMARKS.md for why Serial GC), plus any in {@code
   * -Dbench.deviceJvmExtra} (space-separated), e.g. {@code -XX:StartFlightRecording=...} to profile a device.
   */
  public static List<String> deviceJvmOptions(String xmx) {
    List<String> options = new ArrayList<>(
        Arrays.asList("-Xmx" + xmx, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Xshare:auto"));
    String extra = System.getProperty("bench.deviceJvmExtra", "").trim();
    if (!extra.isEmpty()) {
      options.addAll(Arrays.asList(extra.split("\\s+")));
    }
    return options;
  }

  public static int intSetting(String name, int defaultValue) {
    return Integer.getInteger(name, defaultValue);
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("-D" + name + " is required (bench/run-all sets it)");
    }
    return value;
  }
}
