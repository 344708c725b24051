package io.rrpc.runtime.it;

import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.RrpcResult;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One embedded broker per test class, checking KEY logins as Tencent's hub does; one device, its
 * handlers (behind their generated dispatcher) and a hub simulator per test.
 */
abstract class DeviceTestBase {
  static EmbeddedBroker broker;
  final AirconCommands aircon = new AirconCommands();
  RrpcDevice device;
  HubSimulator hub;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
    broker.registerDevice(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, TestSecrets.DEVICE_SECRET);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @AfterEach
  void closeDevice() {
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

  /** Builds and starts the device, then connects the hub; override {@link #hubBuilder()} for another hub. */
  void start(RrpcDevice.Builder builder) throws Exception {
    device = builder.build();
    device.start();
    hub = hubBuilder().connect();
  }

  void start() throws Exception {
    start(builder());
  }

  HubSimulator.Builder hubBuilder() {
    return HubSimulator.builder().broker(broker);
  }

  /** {@code PublishRRPCMessage} to the test device; the reply text. */
  String call(String payload) {
    return hub.publishRrpc(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, payload).payloadText();
  }

  /** {@code PublishRRPCMessage} to the test device without waiting. */
  CompletableFuture<RrpcResult> send(String payload) {
    return hub.publishRrpcAsync(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, payload);
  }

  /** The reply text of a call sent with {@link #send}, waiting for it at most as long as the hub does. */
  static String text(CompletableFuture<RrpcResult> call) throws Exception {
    return call.get(30, java.util.concurrent.TimeUnit.SECONDS).payloadText();
  }
}
