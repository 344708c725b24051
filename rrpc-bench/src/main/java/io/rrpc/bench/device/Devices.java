package io.rrpc.bench.device;

import io.rrpc.runtime.RrpcExecutors;
import java.util.concurrent.ScheduledExecutorService;

/** The devices the benchmarks run, for harnesses outside this package (the fleet runs many in one JVM). */
public final class Devices {
  private Devices() {}

  /** example-aircon's Dagger-wired airConditioner1 device, unchanged, under the given name. */
  public static ServedDevice aircon(String brokerUri, String productId, String deviceName, String deviceSecret) {
    return new AirconDevice(brokerUri, productId, deviceName, deviceSecret, null);
  }

  /** Its power and climate commands on executors shared with the rest of a fleet. */
  public static ServedDevice aircon(String brokerUri, String productId, String deviceName, String deviceSecret,
      RrpcExecutors executors) {
    return new AirconDevice(brokerUri, productId, deviceName, deviceSecret, executors);
  }

  /**
   * The raw Paho floor.
   *
   * @param pahoThreads where Paho runs its threads, or {@code null} for threads of its own per client
   */
  public static ServedDevice rawPaho(String brokerUri, String productId, String deviceName,
      ScheduledExecutorService pahoThreads) throws Exception {
    return new RawPahoDevice(brokerUri, productId, deviceName, pahoThreads);
  }
}
