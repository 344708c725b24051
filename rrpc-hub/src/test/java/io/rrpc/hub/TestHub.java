package io.rrpc.hub;

import com.tencentcloudapi.common.CommonClient;
import io.rrpc.hub.devices.DeviceSpec;
import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A {@link LocalHub} in this JVM on free ports with one runtime device answering ({@link #PRODUCT}/{@link
 * #DEVICE}) and one registered device that never connects ({@link #OFFLINE_DEVICE}); clients for its API.
 */
final class TestHub implements AutoCloseable {
  static final String PRODUCT = "ABCDEFGHIJ";
  static final String DEVICE = "airConditioner1";
  static final String OFFLINE_DEVICE = "airConditioner2";
  static final String SILENT_DEVICE = "airConditioner3";
  static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

  final LocalHub hub;
  final AirconCommands commands;
  final RrpcDevice device;
  private final Path dir;

  TestHub(int holdUntil, Consumer<HubOptions> options) {
    try {
      dir = Files.createTempDirectory("rrpc-hub-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A long RRPC deadline, so that a busy machine cannot turn a slow answer into a timeout; the test of
    // the timeout sets its own.
    HubOptions o = new HubOptions().mqtt(ANY_PORT).api(ANY_PORT).deviceInfoOut(dir).rrpcRate(0)
        .rrpcTimeout(java.time.Duration.ofSeconds(30))
        .device(new DeviceSpec(PRODUCT, DEVICE, null))
        .device(new DeviceSpec(PRODUCT, OFFLINE_DEVICE, null))
        .device(new DeviceSpec(PRODUCT, SILENT_DEVICE, null));
    options.accept(o);
    hub = LocalHub.start(o);
    commands = new AirconCommands(holdUntil);
    device = RrpcDevice.builder().deviceInfo(deviceInfo(DEVICE)).brokerUri(hub.mqttUri()).workers(4)
        .dispatcher(new AirconCommands_RrpcDispatcher(commands)).build();
    try {
      device.start();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The runtime's identity of a device the hub knows. */
  DeviceInfo deviceInfo(String deviceName) {
    return DeviceInfo.builder().productId(PRODUCT).deviceName(deviceName).deviceSecret(secret(deviceName)).build();
  }

  String secret(String deviceName) {
    return hub.devices().stream().filter(d -> d.deviceName().equals(deviceName)).findFirst()
        .orElseThrow(IllegalArgumentException::new).secretBase64();
  }

  /** Tencent's CommonClient on this hub, signed with its credentials. */
  CommonClient client(String version) {
    return CloudClients.iotcloud("http://" + hub.apiEndpoint(), null, version, hub.credentials().secretId(),
        hub.credentials().secretKey());
  }

  @Override
  public void close() {
    commands.releaseSlow.countDown();
    if (device != null) {
      device.close();
    }
    hub.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
