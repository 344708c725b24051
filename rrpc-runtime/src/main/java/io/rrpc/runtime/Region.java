package io.rrpc.runtime;

/**
 * The Tencent Cloud IoT Hub region a product lives in, as {@code region} in {@code device_info.json};
 * it decides the broker host.
 *
 * <p>Immutable and thread-safe, like every enum.
 */
public enum Region {
  /** {@code china}: {@code {productId}.iotcloud.tencentdevices.com}. */
  CHINA("china", ".iotcloud.tencentdevices.com"),
  /** {@code us-east}: {@code {productId}.us-east.iotcloud.tencentdevices.com}. */
  US_EAST("us-east", ".us-east.iotcloud.tencentdevices.com"),
  /** {@code europe}: {@code {productId}.europe.iothub.tencentdevices.com}. */
  EUROPE("europe", ".europe.iothub.tencentdevices.com"),
  /** {@code ap-bangkok}: {@code {productId}.ap-bangkok.iothub.tencentdevices.com}. */
  AP_BANGKOK("ap-bangkok", ".ap-bangkok.iothub.tencentdevices.com");

  private final String id;
  private final String hostSuffix;

  Region(String id, String hostSuffix) {
    this.id = id;
    this.hostSuffix = hostSuffix;
  }

  /** {@return the name used in {@code device_info.json}, such as {@code us-east}} */
  public String id() {
    return id;
  }

  /** The MQTT broker host of a product in this region. */
  String host(String productId) {
    return productId + hostSuffix;
  }

  /**
   * The region named {@code id} in {@code device_info.json}.
   *
   * @return the region, or {@code null} when no region has that name
   * @param id the region's name in {@code device_info.json}
   */
  public static Region fromId(String id) {
    for (Region region : values()) {
      if (region.id.equals(id)) {
        return region;
      }
    }
    return null;
  }
}
