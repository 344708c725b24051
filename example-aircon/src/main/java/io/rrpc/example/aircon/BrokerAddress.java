package io.rrpc.example.aircon;

/**
 * Where the device connects: {@code null} for the Tencent IoT Hub host of the device's region, or the
 * URI of any other MQTT 3.1.1 broker ({@code tcp://host:port}, {@code ssl://host:port}).
 */
public final class BrokerAddress {
  private final String uri;

  private BrokerAddress(String uri) {
    this.uri = uri;
  }

  /** The Tencent IoT Hub host of the device's region. */
  public static BrokerAddress tencentHub() {
    return new BrokerAddress(null);
  }

  /** Any other MQTT broker. */
  public static BrokerAddress of(String uri) {
    if (uri == null) {
      throw new NullPointerException("uri");
    }
    return new BrokerAddress(uri);
  }

  /** The broker URI, or {@code null} for Tencent's hub. */
  public String uri() {
    return uri;
  }

  @Override
  public String toString() {
    return uri == null ? "Tencent IoT Hub" : uri;
  }
}
