package io.rrpc.runtime.it;

import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.RrpcResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * One embedded broker, checking KEY logins as Tencent's hub does, and one hub simulator per test class;
 * one device and its handlers (behind their generated dispatcher) per test.
 */
abstract class DeviceTestBase {
  static EmbeddedBroker broker;
  /** Connected by the first {@link #start}, from {@link #hubBuilder()}. */
  static HubSimulator hub;
  final AirconCommands aircon = new AirconCommands();
  /** What the device reports about its connection; tests wait on these, not on log lines. */
  final RecordedConnectionEvents events = new RecordedConnectionEvents();
  RrpcDevice device;
  private long strayRepliesBefore;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
    broker.registerDevice(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, TestSecrets.DEVICE_SECRET);
  }

  @AfterAll
  static void stopBroker() {
    if (hub != null) {
      hub.close();
      hub = null;
    }
    broker.close();
  }

  @AfterEach
  void closeDevice() {
    aircon.release.countDown();
    if (device != null) {
      device.close();
    }
  }

  RrpcDevice.Builder builder() {
    return TestDevices.builder(broker.uri(), new AirconCommands_RrpcDispatcher(aircon)).connectionListener(events);
  }

  /** Builds and starts the device; the class's hub is connected by then. */
  void start(RrpcDevice.Builder builder) throws Exception {
    device = builder.build();
    device.start();
    if (hub == null) {
      hub = hubBuilder().connect();
    }
    strayRepliesBefore = hub.strayReplies();
  }

  void start() throws Exception {
    start(builder());
  }

  /** The hub the test class calls through; a class may override it for all its tests. */
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

  /**
   * Replies the hub got in this test beyond the first one to each of its calls: late, repeated, or
   * for a call it had given up on.
   */
  long strayReplies() {
    return hub.strayReplies() - strayRepliesBefore;
  }

  /** The reply text of a call made with {@link #send}; the hub ends every call by its own deadline. */
  static String text(CompletableFuture<RrpcResult> call) throws Exception {
    return call.get(30, TimeUnit.SECONDS).payloadText();
  }
}
