package io.rrpc.hub;

/** What the hub has seen of a device's connection, for {@code DescribeDevice}. Thread-safe. */
interface DeviceSightings {
  /** For a broker the hub cannot watch (an existing one): never online, never logged in. */
  DeviceSightings NONE = new DeviceSightings() {
    @Override
    public boolean online(String productId, String deviceName) {
      return false;
    }

    @Override
    public long loginTime(String productId, String deviceName) {
      return 0;
    }
  };

  /** Whether the device is connected now. */
  boolean online(String productId, String deviceName);

  /** Its last accepted login, epoch seconds, or 0 when none was seen. */
  long loginTime(String productId, String deviceName);
}
