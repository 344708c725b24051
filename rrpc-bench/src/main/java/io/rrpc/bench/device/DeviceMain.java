package io.rrpc.bench.device;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * The device JVM the benchmarks start: {@code DeviceMain framework|raw <brokerUri> <productId>
 * <deviceName>}; the framework device's secret (base64) comes from the environment variable
 * {@value #SECRET_ENV}, never the command line.
 *
 * <p>It prints {@code subscribed} once the device serves, then obeys lines on stdin: {@code stats}
 * prints {@code stats cpuNanos=… gcNanos=… gcCount=… heapUsed=… loadedClasses=…}; {@code stop} (or the end of stdin)
 * closes the device, prints {@code closed} and exits. This is also the entry point of the ProGuard-shrunk
 * device jar, whose keep rules name only this class.
 */
public final class DeviceMain {
  /** The environment variable holding the framework device's secret. */
  public static final String SECRET_ENV = "RRPC_BENCH_DEVICE_SECRET";

  private DeviceMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4 || !("framework".equals(args[0]) || "raw".equals(args[0]))) {
      System.err.println("usage: DeviceMain framework|raw <brokerUri> <productId> <deviceName>");
      System.exit(2);
    }
    ServedDevice device;
    try {
      device = "raw".equals(args[0])
          ? new RawPahoDevice(args[1], args[2], args[3])
          : new AirconDevice(args[1], args[2], args[3], System.getenv(SECRET_ENV), null);
      device.start();
    } catch (Throwable t) {
      // The device's worker threads may already run and would keep the JVM alive: end it.
      t.printStackTrace();
      System.out.println("failed " + t);
      System.out.flush();
      System.exit(1);
      return;
    }
    System.out.println("subscribed");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null && !"stop".equals(line)) {
      if ("stats".equals(line)) {
        System.out.println(stats() + " " + device.describe());
        System.out.flush();
      }
    }
    device.close();
    System.out.println("closed");
    System.out.flush();
    System.exit(0);
  }

  /** Read only when asked, so the management classes stay out of the start-up time. */
  private static String stats() throws IOException {
    long gcNanos = 0;
    long gcCount = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcNanos += Math.max(0, gc.getCollectionTime()) * 1_000_000L;
      gcCount += Math.max(0, gc.getCollectionCount());
    }
    long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    return "stats cpuNanos=" + cpuNanos + " gcNanos=" + gcNanos + " gcCount=" + gcCount + " heapUsed=" + heapUsed
        + " loadedClasses=" + classes;
  }
}
