package io.rrpc.reliability;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.Outcome;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcMetrics;
import io.rrpc.testkit.FaultProxy;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.LocalBroker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A live rrpc device with {@link ProbeCommands}, connected to a broker through its own {@link
 * FaultProxy} (so a test can break its connection, and so the passwords it sends are seen and added to
 * the {@linkplain SuiteSecrets secrets} no output may contain). Its secret is registered with the hub.
 */
final class DeviceUnderTest implements AutoCloseable {
  static final String PRODUCT = "RELIAB0001";
  private static final AtomicInteger NAMES = new AtomicInteger();

  final String name;
  final ProbeCommands commands = new ProbeCommands();
  /** The device's own connection events; a test's {@code options} must not replace the listener. */
  final DeviceEvents events = new DeviceEvents();
  final FaultProxy proxy;
  final RrpcDevice device;

  private DeviceUnderTest(HubSimulator hub, LocalBroker broker, Consumer<RrpcDevice.Builder> options) {
    this.name = "dev" + NAMES.incrementAndGet();
    String secret = hub.registerDevice(PRODUCT, name);
    SuiteSecrets.deviceSecret(secret);
    this.proxy = FaultProxy.to(broker);
    RrpcDevice.Builder b = RrpcDevice.builder()
        .deviceInfo(DeviceInfo.builder().productId(PRODUCT).deviceName(name).deviceSecret(secret).build())
        .brokerUri(proxy.uri())
        .dispatcher(new ProbeCommands_RrpcDispatcher(commands))
        // Reconnect fast: the tests measure how soon the device serves again, not the default backoff.
        .reconnectBackoff(100, 1000, TimeUnit.MILLISECONDS)
        .connectTimeout(5, TimeUnit.SECONDS)
        .connectionListener(events);
    options.accept(b);
    this.device = b.build();
    try {
      device.start();
    } catch (RuntimeException e) {
      proxy.close();
      throw e;
    } finally {
      sniffPasswords();
    }
  }

  static DeviceUnderTest start(HubSimulator hub, LocalBroker broker) {
    return new DeviceUnderTest(hub, broker, b -> {});
  }

  static DeviceUnderTest start(HubSimulator hub, LocalBroker broker, Consumer<RrpcDevice.Builder> options) {
    return new DeviceUnderTest(hub, broker, options);
  }

  /** Adds the password of every connection the device made so far to the secrets. */
  void sniffPasswords() {
    for (byte[] preamble : proxy.clientPreambles()) {
      String password = MqttConnectPacket.password(preamble);
      if (password != null) {
        SuiteSecrets.password(password);
      }
    }
  }

  /**
   * Requests the device accepted but gave no outcome, by its own counters; meaningful once the device
   * is closed (close() waits for every accepted request to be answered or time out).
   */
  long unsettled() {
    RrpcMetrics m = device.metrics();
    long outcomes = 0;
    for (Outcome o : Outcome.values()) {
      outcomes += m.outcome(o);
    }
    return m.received() - m.duplicates() - m.invalidRequestsDropped() - outcomes;
  }

  @Override
  public void close() {
    try {
      device.close();
    } finally {
      sniffPasswords();
      proxy.close();
    }
  }
}
