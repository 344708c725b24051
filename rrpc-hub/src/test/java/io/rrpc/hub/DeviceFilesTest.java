package io.rrpc.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.hub.devices.DeviceInfoFiles;
import io.rrpc.hub.devices.DeviceSpec;
import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devices from --device and Tencent's device_info.json files, and the files the hub writes. */
class DeviceFilesTest {
  @TempDir Path dir;

  @Test
  void aGeneratedDeviceGetsAReadyDeviceInfoFileAndKeepsItsSecretAcrossRestarts() throws Exception {
    HubOptions options = new HubOptions().mqtt(TestHub.ANY_PORT).api(TestHub.ANY_PORT).deviceInfoOut(dir)
        .device(DeviceSpec.parse("ABCDEFGHIJ/airConditioner1"));
    String first;
    try (LocalHub hub = LocalHub.start(options)) {
      LocalHub.GeneratedDevice g = hub.generatedDevices().get(0);
      assertTrue(g.fresh);
      first = g.device.secretBase64();
      // The runtime reads the written file and logs in with it.
      DeviceInfo info = DeviceInfo.load(g.deviceInfo);
      try (RrpcDevice device = RrpcDevice.builder().deviceInfo(info).brokerUri(hub.mqttUri())
          .dispatcher(new AirconCommands_RrpcDispatcher(new AirconCommands(1))).build()) {
        device.start();
      }
    }
    try (LocalHub again = LocalHub.start(options)) {
      LocalHub.GeneratedDevice g = again.generatedDevices().get(0);
      assertFalse(g.fresh);
      assertEquals(first, g.device.secretBase64());
    }
  }

  @Test
  void aDirectoryOfDeviceInfoFilesGivesItsKeyDevicesAndSkipsCertOnes() throws Exception {
    DeviceInfoFiles.write(dir, new DeviceSpec("ABCDEFGHIJ", "a", "MDEyMzQ1Njc4OWFiY2RlZg=="));
    DeviceInfoFiles.write(dir, new DeviceSpec("ABCDEFGHIJ", "b", "MDEyMzQ1Njc4OWFiY2RlZg=="));
    Files.write(dir.resolve("cert.json"), ("{\"auth_mode\":\"CERT\",\"productId\":\"ABCDEFGHIJ\",\"deviceName\":\"c\","
        + "\"cert_deviceinfo\":{\"devCertFile\":\"c.crt\",\"devPrivateKeyFile\":\"c.key\"}}").getBytes(StandardCharsets.UTF_8));
    List<DeviceSpec> devices = DeviceInfoFiles.read(dir);
    assertEquals("[ABCDEFGHIJ/a, ABCDEFGHIJ/b]", devices.toString());
    assertEquals("MDEyMzQ1Njc4OWFiY2RlZg==", devices.get(0).secretBase64());
  }

  @Test
  void aBrokenFileIsNamedWithItsField() throws Exception {
    Path noSecret = dir.resolve("no-secret.json");
    Files.write(noSecret, "{\"auth_mode\":\"KEY\",\"productId\":\"P\",\"deviceName\":\"d\",\"key_deviceinfo\":{}}"
        .getBytes(StandardCharsets.UTF_8));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceInfoFiles.read(noSecret));
    assertTrue(e.getMessage().contains(noSecret.toString()) && e.getMessage().contains("deviceSecret"), e.getMessage());

    Path notJson = dir.resolve("not-json.json");
    Files.write(notJson, "{".getBytes(StandardCharsets.UTF_8));
    e = assertThrows(IllegalArgumentException.class, () -> DeviceInfoFiles.read(notJson));
    assertTrue(e.getMessage().contains(notJson.toString()), e.getMessage());

    Path badSecret = dir.resolve("bad-secret.json");
    Files.write(badSecret, "{\"productId\":\"P\",\"deviceName\":\"d\",\"key_deviceinfo\":{\"deviceSecret\":\"not base64!\"}}"
        .getBytes(StandardCharsets.UTF_8));
    e = assertThrows(IllegalArgumentException.class, () -> DeviceInfoFiles.read(badSecret));
    assertTrue(e.getMessage().contains("not base64") && !e.getMessage().contains("not base64!\""), e.getMessage());
  }

  @Test
  void deviceSpecsParseWithOrWithoutASecretAndNeverShowIt() {
    DeviceSpec withSecret = DeviceSpec.parse("ABCDEFGHIJ/airConditioner1:MDEyMzQ1Njc4OWFiY2RlZg==");
    assertEquals("MDEyMzQ1Njc4OWFiY2RlZg==", withSecret.secretBase64());
    assertEquals("ABCDEFGHIJ/airConditioner1", withSecret.toString());
    assertNull(DeviceSpec.parse("ABCDEFGHIJ/airConditioner1").secretBase64());
    assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse("no-slash"));
    assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse("P/a+b"));
  }
}
