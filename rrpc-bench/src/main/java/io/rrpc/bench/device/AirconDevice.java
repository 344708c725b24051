package io.rrpc.bench.device;

import io.rrpc.example.aircon.AirconComponent;
import io.rrpc.example.aircon.BrokerAddress;
import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;

/** The framework side: example-aircon's Dagger-wired airConditioner1 device, unchanged. */
final class AirconDevice implements ServedDevice {
  private final RrpcDevice device;

  AirconDevice(String brokerUri, String productId, String deviceName, String deviceSecret) {
    DeviceInfo info = DeviceInfo.builder().productId(productId).deviceName(deviceName).deviceSecret(deviceSecret).build();
    this.device = AirconComponent.create(info, BrokerAddress.of(brokerUri)).device();
  }

  @Override
  public void start() {
    device.start();
  }

  @Override
  public boolean isConnected() {
    return device.isConnected();
  }

  @Override
  public String describe() {
    return device.metrics().toString();
  }

  @Override
  public void close() {
    device.close();
  }
}
