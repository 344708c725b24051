package io.rrpc.bench.device;

/** Lets tests in other packages run the package-private raw Paho device in-process. */
public final class DeviceMainAccess {
  private DeviceMainAccess() {}

  public static AutoCloseable startRaw(String brokerUri, String productId, String deviceName) throws Exception {
    RawPahoDevice device = new RawPahoDevice(brokerUri, productId, deviceName);
    device.start();
    return device::close;
  }
}
