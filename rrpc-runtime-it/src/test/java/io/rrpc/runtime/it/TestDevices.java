package io.rrpc.runtime.it;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcDispatcher;
import java.util.concurrent.TimeUnit;

/** The device identity and builder settings the tests share. */
final class TestDevices {
  static final String PRODUCT_ID = "KL4J2XXXX8";
  static final String DEVICE_NAME = "airConditioner1";
  static final String CLIENT_ID = PRODUCT_ID + DEVICE_NAME;
  static final String REQUEST_FILTER = "$rrpc/rxd/" + PRODUCT_ID + "/" + DEVICE_NAME + "/+";

  private TestDevices() {}

  /** KEY mode with {@link TestSecrets#DEVICE_SECRET}, the secret the tests register on their brokers. */
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
}
