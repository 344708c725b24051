package io.rrpc.testkit;

/**
 * An MQTT broker on this machine that a {@link HubSimulator} and the devices under test connect to:
 * {@link EmbeddedBroker} (in this JVM) or {@link MosquittoBroker} (a child process).
 */
public interface LocalBroker extends AutoCloseable {

  /**
   * The URI clients on this machine connect to, {@code tcp://<host()>:<port>}.
   *
   * @return {@code tcp://<host>:<port>}
   */
  default String uri() {
    String host = host();
    return "tcp://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port();
  }

  /**
   * The address clients on this machine connect to: {@code 127.0.0.1} unless the broker was bound to
   * one particular address.
   *
   * @return an address or name
   */
  default String host() {
    return "127.0.0.1";
  }

  /**
   * The TCP port.
   *
   * @return the port
   */
  int port();

  /**
   * What this broker tells about connected devices.
   *
   * @return the broker's presence source
   */
  DevicePresence presence();

  /** Stops the broker; clients are disconnected. Idempotent. */
  @Override
  void close();
}
