package io.rrpc.testkit;

/**
 * An MQTT broker on this machine that a {@link HubSimulator} and the devices under test connect to:
 * {@link EmbeddedBroker} (in this JVM) or {@link MosquittoBroker} (a child process).
 */
public interface LocalBroker extends AutoCloseable {

  /**
   * The URI clients connect to, {@code tcp://127.0.0.1:<port>}.
   *
   * @return the URI
   */
  default String uri() {
    return "tcp://127.0.0.1:" + port();
  }

  /**
   * The TCP port on 127.0.0.1.
   *
   * @return the port
   */
  int port();

  /**
   * What this broker tells about connected devices.
   *
   * @return the broker's view of connected devices
   */
  DevicePresence presence();

  /** Stops the broker; clients are disconnected. Idempotent. */
  @Override
  void close();
}
