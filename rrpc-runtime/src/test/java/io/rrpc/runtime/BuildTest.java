package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@code build()} validates eagerly and names what is wrong. */
class BuildTest {
  final AirconCommands_RrpcDispatcher aircon = new AirconCommands_RrpcDispatcher(new AirconCommands());

  RrpcDevice.Builder builder() {
    return RrpcDevice.builder().deviceInfo(TestDevices.deviceInfo()).dispatcher(aircon);
  }

  @Test
  void aCommandDeclaredByTwoDispatchersNamesBoth() {
    RrpcDispatcher other = new RrpcDispatcher() {
      @Override
      public List<String> commands() {
        return Arrays.asList("reboot", "closed");
      }

      @Override
      public boolean hasFallback() {
        return false;
      }

      @Override
      public String handlerClass() {
        return "io.rrpc.demo.PowerCommands";
      }

      @Override
      public RrpcReply dispatch(RrpcRequest request) {
        return null;
      }
    };
    assertBuildFails(builder().dispatchers(Arrays.asList(other)),
        "command \"closed\" is declared by both io.rrpc.runtime.AirconCommands and io.rrpc.demo.PowerCommands");
  }

  @Test
  void twoFallbacksNameBoth() {
    assertBuildFails(builder()
            .dispatcher(new FallbackCommands_RrpcDispatcher("io.rrpc.demo.A", "version"))
            .dispatcher(new FallbackCommands_RrpcDispatcher("io.rrpc.demo.B", "reboot")),
        "both io.rrpc.demo.A and io.rrpc.demo.B have an @RrpcFallback; a device may have only one");
  }

  @Test
  void requiredParts() {
    assertBuildFails(RrpcDevice.builder().dispatcher(aircon), "deviceInfo is required");
    assertBuildFails(RrpcDevice.builder().deviceInfo(TestDevices.deviceInfo()), "an RrpcDevice needs at least one dispatcher");
    assertBuildFails(builder().dispatcher(aircon), "dispatcher for io.rrpc.runtime.AirconCommands was added twice");
  }

  @Test
  void optionsOutOfRange() {
    assertBuildFails(builder().workers(0), "workers must be at least 1, was 0");
    assertBuildFails(builder().queueCapacity(-1), "queueCapacity must not be negative, was -1");
    assertBuildFails(builder().deadline(0, java.util.concurrent.TimeUnit.MILLISECONDS), "deadline must be positive, was 0 ms");
    assertBuildFails(builder().maxPayloadBytes(0), "maxPayloadBytes must be positive, was 0");
    assertBuildFails(builder().requestQos(2), "requestQos must be 0 or 1, was 2");
    assertBuildFails(builder().sdkAppId("1;2"), "sdkAppId must be non-empty without ';'");
  }

  @Test
  void tencentHostsFromTheRegionTlsByDefault() {
    assertEquals("RrpcDevice{KL4J2XXXX8/airConditioner1 on ssl://KL4J2XXXX8.iotcloud.tencentdevices.com:8883}",
        builder().build().toString());
    assertEquals("RrpcDevice{KL4J2XXXX8/airConditioner1 on tcp://KL4J2XXXX8.iotcloud.tencentdevices.com:1883}",
        builder().tls(false).build().toString());
    DeviceInfo bangkok = DeviceInfo.builder().productId("P1").deviceName("d1").region(Region.AP_BANGKOK)
        .deviceSecret(TestSecrets.DEVICE_SECRET).build();
    assertEquals("RrpcDevice{P1/d1 on ssl://P1.ap-bangkok.iothub.tencentdevices.com:8883}",
        RrpcDevice.builder().deviceInfo(bangkok).dispatcher(aircon).build().toString());
  }

  @Test
  void brokerUriOverride() {
    assertTrue(builder().brokerUri("tcp://10.0.0.5:1883").build().toString().endsWith("on tcp://10.0.0.5:1883}"));
    assertBuildFails(builder().brokerUri("ws://10.0.0.5"), "brokerUri must start with tcp:// or ssl://, was: ws://10.0.0.5");
  }

  @Test
  void certModeNeedsTlsAndReadableFiles() {
    DeviceInfo cert = DeviceInfo.builder().productId("P1").deviceName("d1")
        .certificate(TlsFixtures.file("device-rsa.pem"), TlsFixtures.file("device-rsa-pkcs1.key")).build();
    RrpcDevice.builder().deviceInfo(cert).dispatcher(aircon).build();
    assertBuildFails(RrpcDevice.builder().deviceInfo(cert).dispatcher(aircon).brokerUri("tcp://127.0.0.1:1883"),
        "CERT mode needs TLS: use an ssl:// broker URI, not tcp://127.0.0.1:1883");
    DeviceInfo missing = DeviceInfo.builder().productId("P1").deviceName("d1")
        .certificate(TlsFixtures.file("device-rsa.pem"), "/no/such/dev.key").build();
    assertBuildFails(RrpcDevice.builder().deviceInfo(missing).dispatcher(aircon),
        "cannot read /no/such/dev.key: FileNotFoundException");
  }

  static void assertBuildFails(RrpcDevice.Builder builder, String message) {
    Executable build = builder::build;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertEquals(message, e.getMessage());
  }
}
