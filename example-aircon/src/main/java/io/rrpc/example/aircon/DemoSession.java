package io.rrpc.example.aircon;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.RrpcCallException;
import io.rrpc.testkit.RrpcResult;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code --demo} mode: Tencent's airConditioner1 RRPC walkthrough, played on this machine.
 *
 * <p>It starts the testkit's embedded hub (an MQTT broker that checks the device's signed login like
 * the real hub), registers {@code airConditioner1}, starts the device exactly as {@code --device-info}
 * would, and calls it through {@code PublishRRPCMessage}, printing each call's {@code MessageId},
 * {@code PayloadBase64} and decoded reply.
 */
final class DemoSession {
  static final String PRODUCT_ID = "ABCDEFGHIJ";
  static final String DEVICE_NAME = "airConditioner1";

  /** The scripted calls, in order. */
  static final List<String> SCRIPT = Arrays.asList(
      "closed",
      "status",
      "{\"method\":\"setTemperature\",\"params\":{\"celsius\":24}}",
      "{\"method\":\"setMode\",\"params\":{\"mode\":\"cool\"}}",
      "selfTest",
      "reboot",
      "{\"method\":\"setTemperature\",\"params\":{\"celsius\":35}}",
      "open");

  private final PrintStream out;

  DemoSession(PrintStream out) {
    this.out = out;
  }

  /** Runs the whole session; returns once everything it started is closed. */
  void run() {
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      String secret = broker.registerDevice(PRODUCT_ID, DEVICE_NAME);
      DeviceInfo deviceInfo = DeviceInfo.builder()
          .productId(PRODUCT_ID)
          .deviceName(DEVICE_NAME)
          .deviceSecret(secret)
          .build();
      out.println("embedded hub on " + broker.uri() + ", device " + PRODUCT_ID + "/" + DEVICE_NAME
          + " registered");
      RrpcDevice device = AirconComponent.create(deviceInfo, BrokerAddress.of(broker.uri())).device();
      try (HubSimulator hub = HubSimulator.connect(broker)) {
        device.start();
        out.println("device started: subscribed to $rrpc/rxd/" + PRODUCT_ID + "/" + DEVICE_NAME + "/+");
        out.println();
        for (String payload : SCRIPT) {
          call(hub, payload);
        }
      } finally {
        device.close();
      }
      out.println("device closed; " + device.metrics());
    }
  }

  private void call(HubSimulator hub, String payload) {
    out.println("PublishRRPCMessage(Payload=" + payload + ")");
    try {
      RrpcResult result = hub.publishRrpc(PRODUCT_ID, DEVICE_NAME, payload);
      out.println("  MessageId:     " + result.messageId());
      out.println("  PayloadBase64: " + result.payloadBase64());
      out.println("  reply:         " + result.payloadText());
    } catch (RrpcCallException e) {
      out.println("  error:         " + e.code());
    }
    out.println();
  }
}
