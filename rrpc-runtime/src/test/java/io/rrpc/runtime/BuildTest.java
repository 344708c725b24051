package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@code build()} validates eagerly and names what is wrong. */
class BuildTest {
  static final DeviceInfo DEVICE = DeviceInfo.builder().productId("KL4J2XXXX8").deviceName("airConditioner1")
      .deviceSecret("MDEyMzQ1Njc4OWFiY2RlZg==").build();
  final DeclaredCommands aircon = DeclaredCommands.of("io.rrpc.demo.AirconCommands", "closed", "echo", "status");

  RrpcDevice.Builder builder() {
    return RrpcDevice.builder().deviceInfo(DEVICE).dispatcher(aircon);
  }

  @Test
  void aCommandDeclaredByTwoDispatchersNamesBoth() {
    RrpcDispatcher other = DeclaredCommands.of("io.rrpc.demo.PowerCommands", "reboot", "closed");
    assertBuildFails(builder().dispatchers(Arrays.asList(other)),
        "command \"closed\" is declared by both io.rrpc.demo.AirconCommands and io.rrpc.demo.PowerCommands");
  }

  @Test
  void twoFallbacksNameBoth() {
    assertBuildFails(builder()
            .dispatcher(DeclaredCommands.withFallback("io.rrpc.demo.A", "version"))
            .dispatcher(DeclaredCommands.withFallback("io.rrpc.demo.B", "reboot")),
        "both io.rrpc.demo.A and io.rrpc.demo.B have an @RrpcFallback; a device may have only one");
  }

  @Test
  void requiredParts() {
    assertBuildFails(RrpcDevice.builder().dispatcher(aircon), "deviceInfo is required");
    assertBuildFails(RrpcDevice.builder().deviceInfo(DEVICE), "an RrpcDevice needs at least one dispatcher");
    assertBuildFails(builder().dispatcher(aircon), "dispatcher for io.rrpc.demo.AirconCommands was added twice");
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
  void closedSharedExecutorsAreRefusedAtBuildAndAtStart() {
    RrpcExecutors shared = RrpcExecutors.builder().build();
    RrpcDevice builtBefore = builder().executors(shared).build();
    shared.close();
    assertBuildFails(builder().executors(shared), "the shared executors are closed");
    IllegalStateException e = assertThrows(IllegalStateException.class, builtBefore::start);
    assertEquals("the shared executors were closed: build new RrpcExecutors", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RrpcExecutors.builder().maxConcurrentConnects(0));
  }

  @Test
  void tencentHostsFromTheRegionTlsByDefault() {
    assertEquals("RrpcDevice{KL4J2XXXX8/airConditioner1 on ssl://KL4J2XXXX8.iotcloud.tencentdevices.com:8883}",
        builder().build().toString());
    assertEquals("RrpcDevice{KL4J2XXXX8/airConditioner1 on tcp://KL4J2XXXX8.iotcloud.tencentdevices.com:1883}",
        builder().tls(false).build().toString());
    DeviceInfo bangkok = DeviceInfo.builder().productId("P1").deviceName("d1").region(Region.AP_BANGKOK)
        .deviceSecret("MDEyMzQ1Njc4OWFiY2RlZg==").build();
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
