package io.rrpc.bench.device;

/** A device {@link DeviceMain} can run: the framework's aircon device or the raw Paho floor. */
public interface ServedDevice {
  /** Connects and subscribes; returns once requests can arrive. */
  void start() throws Exception;

  /** Whether the MQTT connection is up right now. */
  boolean isConnected();

  /** Device-specific counters for the harness's log. */
  String describe();

  /** Disconnects. */
  void close() throws Exception;
}
