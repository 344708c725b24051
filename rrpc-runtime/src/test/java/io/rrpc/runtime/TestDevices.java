package io.rrpc.runtime;

import java.util.concurrent.TimeUnit;

/** The device identity and builder settings the end-to-end tests share. */
final class TestDevices {
  static final String PRODUCT_ID = "KL4J2XXXX8";
  static final String DEVICE_NAME = "airConditioner1";

  private TestDevices() {}

  static DeviceInfo deviceInfo() {
    return DeviceInfo.builder().productId(PRODUCT_ID).deviceName(DEVICE_NAME)
        .deviceSecret(TestSecrets.DEVICE_SECRET).build();
  }

  /** A device for a local broker that notices a lost connection and comes back quickly. */
  static RrpcDevice.Builder builder(String brokerUri, RrpcDispatcher dispatcher) {
    return RrpcDevice.builder()
        .deviceInfo(deviceInfo())
        .dispatcher(dispatcher)
        .brokerUri(brokerUri)
        .connectTimeout(5, TimeUnit.SECONDS)
        .reconnectBackoff(50, 400, TimeUnit.MILLISECONDS);
  }

  static HubClient hub(String brokerUri) throws Exception {
    return new HubClient(brokerUri, PRODUCT_ID, DEVICE_NAME);
  }
}
