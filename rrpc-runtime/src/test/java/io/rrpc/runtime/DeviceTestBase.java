package io.rrpc.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** One Moquette broker per test class; one device, its handlers and a hub client per test. */
abstract class DeviceTestBase {
  static MoquetteBroker broker;
  final AirconCommands aircon = new AirconCommands();
  RrpcDevice device;
  HubClient hub;

  @BeforeAll
  static void startBroker() {
    broker = MoquetteBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @AfterEach
  void closeDevice() throws Exception {
    aircon.release.countDown();
    if (device != null) {
      device.close();
    }
    if (hub != null) {
      hub.close();
    }
  }

  RrpcDevice.Builder builder() {
    return TestDevices.builder(broker.uri(), new AirconCommands_RrpcDispatcher(aircon));
  }

  void start(RrpcDevice.Builder builder) throws Exception {
    device = builder.build();
    device.start();
    hub = TestDevices.hub(broker.uri());
  }

  void start() throws Exception {
    start(builder());
  }
}
