package io.rrpc.bench.e2e;

import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.LocalBroker;
import io.rrpc.testkit.MosquittoBroker;

/** The two brokers every end-to-end figure is taken on. */
public final class BenchBrokers {
  private BenchBrokers() {}

  /** {@code embedded} (Moquette in the harness JVM) or {@code mosquitto} (a child process). */
  public static LocalBroker start(String name) {
    switch (name) {
      case "embedded":
        // No credential check: the raw Paho floor does not sign a login; the framework device still
        // computes its signature, as it must for the hub.
        return EmbeddedBroker.start(false);
      case "mosquitto":
        return MosquittoBroker.start();
      default:
        throw new IllegalArgumentException("unknown broker: " + name);
    }
  }

  /** Whether Mosquitto is installed. */
  public static boolean mosquittoAvailable() {
    return MosquittoBroker.findBinary().isPresent();
  }
}
