package io.rrpc.bench.device;

import io.rrpc.example.aircon.AirconComponent;
import io.rrpc.example.aircon.AirConditioner;
import io.rrpc.example.aircon.BrokerAddress;
import io.rrpc.example.aircon.ClimateCommands;
import io.rrpc.example.aircon.ClimateCommands_RrpcDispatcher;
import io.rrpc.example.aircon.PowerCommands;
import io.rrpc.example.aircon.PowerCommands_RrpcDispatcher;
import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcExecutors;

/**
 * The framework side: example-aircon's Dagger-wired airConditioner1 device, unchanged; or, on shared
 * executors, the same power and climate commands on a device built by hand (the example's component has
 * no executors option, and its diagnostics commands would bring a scheduler thread per device).
 */
final class AirconDevice implements ServedDevice {
  private final RrpcDevice device;

  AirconDevice(String brokerUri, String productId, String deviceName, String deviceSecret, RrpcExecutors executors) {
    DeviceInfo info = DeviceInfo.builder().productId(productId).deviceName(deviceName).deviceSecret(deviceSecret).build();
    if (executors == null) {
      this.device = AirconComponent.create(info, BrokerAddress.of(brokerUri)).device();
      return;
    }
    AirConditioner aircon = new AirConditioner();
    this.device = RrpcDevice.builder().deviceInfo(info).brokerUri(brokerUri)
        .dispatcher(new PowerCommands_RrpcDispatcher(new PowerCommands(aircon)))
        .dispatcher(new ClimateCommands_RrpcDispatcher(new ClimateCommands(aircon)))
        .executors(executors)
        .build();
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
