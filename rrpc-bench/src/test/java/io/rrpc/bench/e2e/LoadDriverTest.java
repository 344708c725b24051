package io.rrpc.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.bench.device.DeviceMainAccess;
import io.rrpc.example.aircon.AirconComponent;
import io.rrpc.example.aircon.BrokerAddress;
import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness measures what it claims to: the driver gets every reply from both devices on a real
 * broker, matches them to their requests, and tells error replies and lost requests apart. (No timing
 * is asserted; the figures come from bench/run-all.)
 */
class LoadDriverTest {
  private static final String PRODUCT = BenchSettings.PRODUCT_ID;
  private static final String DEVICE = BenchSettings.DEVICE_NAME;
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start(false);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void rawDeviceAnswersEveryRequestInFlight() throws Exception {
    try (AutoCloseable device = DeviceMainAccess.startRaw(broker.uri(), PRODUCT, DEVICE);
        LoadDriver driver = LoadDriver.connect(broker.uri(), PRODUCT, DEVICE)) {
      RunResult run = driver.run(500, 16, Collections.singletonList(bytes("closed")));

      assertEquals(500, run.answered);
      assertEquals(0, run.lost());
      assertEquals(0, run.errors);
      assertTrue(run.percentileMicros(0.5) > 0 && run.percentileMicros(0.5) <= run.percentileMicros(0.99));
      assertTrue(run.throughput() > 0);
      assertEquals(0, driver.strays());
    }
  }

  @Test
  void frameworkDeviceAnswersTheMixAndErrorsAreCounted() throws Exception {
    DeviceInfo info = DeviceInfo.builder().productId(PRODUCT).deviceName(DEVICE).deviceSecret(BenchSettings.SECRET).build();
    RrpcDevice device = AirconComponent.create(info, BrokerAddress.of(broker.uri())).device();
    device.start();
    try (LoadDriver driver = LoadDriver.connect(broker.uri(), PRODUCT, DEVICE)) {
      List<byte[]> mix = Arrays.asList(bytes("closed"), bytes("status"),
          bytes("{\"method\":\"setTemperature\",\"params\":{\"celsius\":24}}"), bytes("reboot"));
      RunResult run = driver.run(200, 8, mix);

      assertEquals(200, run.answered);
      assertEquals(50, run.errors, "every 'reboot' is an unknown_command error reply");
      assertEquals("{\"power\":\"off\",\"mode\":\"auto\",\"celsius\":24,\"fan\":\"auto\"}",
          new String(driver.call(bytes("status")), StandardCharsets.UTF_8));
    } finally {
      device.close();
    }
  }

  @Test
  void aRequestNobodyAnswersIsLost() throws Exception {
    try (LoadDriver driver = LoadDriver.connect(broker.uri(), PRODUCT, "nobodyHome")) {
      assertNull(driver.call(bytes("closed")));
    }
  }

  @Test
  void recognisesBothErrorReplyFormats() {
    assertTrue(LoadDriver.isError(bytes("error unknown_command: no")));
    assertTrue(LoadDriver.isError(bytes("{\"error\":{\"code\":\"busy\",\"message\":\"x\"}}")));
    assertFalse(LoadDriver.isError(bytes("ok")));
    assertFalse(LoadDriver.isError(bytes("{\"power\":\"on\"}")));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
