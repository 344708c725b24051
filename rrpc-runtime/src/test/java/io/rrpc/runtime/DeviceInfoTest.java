package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading Tencent's {@code device_info.json}, and the errors that name the file and the field. */
class DeviceInfoTest {
  static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZg==";

  static final String KEY_JSON = "{\n"
      + "  \"auth_mode\": \"KEY\",\n"
      + "  \"productId\": \"KL4J2XXXX8\",\n"
      + "  \"productSecret\": \"YOUR_PRODUCT_SECRET\",\n"
      + "  \"deviceName\": \"airConditioner1\",\n"
      + "  \"region\": \"us-east\",\n"
      + "  \"key_deviceinfo\": { \"deviceSecret\": \"" + SECRET + "\" },\n"
      + "  \"cert_deviceinfo\": { \"devCaFile\": \"ca.crt\", \"devCertFile\": \"dev.crt\", \"devPrivateKeyFile\": \"dev.key\" },\n"
      + "  \"subDev\": { \"sub_dev_num\": 0 }\n"
      + "}";

  static final String CERT_JSON = "{ \"auth_mode\": \"CERT\", \"productId\": \"KL4J2XXXX8\", \"deviceName\": \"airConditioner1\","
      + " \"cert_deviceinfo\": { \"devCaFile\": \"ca.crt\", \"devCertFile\": \"dev.crt\", \"devPrivateKeyFile\": \"certs/dev.key\" } }";

  @Test
  void keyModeFileIsReadAndUnknownFieldsAreIgnored() {
    DeviceInfo info = DeviceInfo.parse(KEY_JSON, "device_info.json");
    assertEquals(AuthMode.KEY, info.authMode());
    assertEquals("KL4J2XXXX8", info.productId());
    assertEquals("airConditioner1", info.deviceName());
    assertEquals(Region.US_EAST, info.region());
    assertEquals(SECRET, info.deviceSecret());
    assertNull(info.certificateFile(), "a KEY device has no certificate, even when the file lists one");
  }

  @Test
  void certModeNeedsNoSecretAndResolvesFilesNextToTheJson(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("device_info.json");
    Files.write(file, CERT_JSON.getBytes(StandardCharsets.UTF_8));
    DeviceInfo info = DeviceInfo.load(file);
    assertEquals(AuthMode.CERT, info.authMode());
    assertEquals(dir.toAbsolutePath().resolve("dev.crt").toString(), info.certificateFile());
    assertEquals(dir.toAbsolutePath().resolve("certs/dev.key").toString(), info.privateKeyFile());
    assertEquals(dir.toAbsolutePath().resolve("ca.crt").toString(), info.caFile());
    assertEquals(Region.CHINA, info.region(), "region defaults to china");
  }

  @Test
  void parsedCertPathsStayAsWritten() {
    DeviceInfo info = DeviceInfo.parse(CERT_JSON, "device_info.json");
    assertEquals("dev.crt", info.certificateFile());
    assertEquals("certs/dev.key", info.privateKeyFile());
  }

  @Test
  void regionsMapToTheirHosts() {
    assertEquals("KL4J2XXXX8.iotcloud.tencentdevices.com", Region.CHINA.host("KL4J2XXXX8"));
    assertEquals("KL4J2XXXX8.us-east.iotcloud.tencentdevices.com", Region.US_EAST.host("KL4J2XXXX8"));
    assertEquals("KL4J2XXXX8.europe.iothub.tencentdevices.com", Region.EUROPE.host("KL4J2XXXX8"));
    assertEquals("KL4J2XXXX8.ap-bangkok.iothub.tencentdevices.com", Region.AP_BANGKOK.host("KL4J2XXXX8"));
    assertEquals(Region.AP_BANGKOK, Region.fromId("ap-bangkok"));
    assertNull(Region.fromId("mars"));
  }

  @Test
  void missingFileNamesTheFile(@TempDir Path dir) {
    Path file = dir.resolve("device_info.json");
    IOException e = assertThrows(IOException.class, () -> DeviceInfo.load(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void missingSecretNamesFileAndField() {
    assertError(KEY_JSON.replace("\"deviceSecret\": \"" + SECRET + "\"", "\"other\": 1"),
        "device_info.json: \"key_deviceinfo.deviceSecret\" is missing");
  }

  @Test
  void missingKeyInfoObject() {
    String json = "{\"auth_mode\":\"KEY\",\"productId\":\"P\",\"deviceName\":\"d\"}";
    assertError(json, "device_info.json: \"key_deviceinfo\" is missing");
  }

  @Test
  void missingCertFile() {
    assertError(CERT_JSON.replace("\"devCertFile\": \"dev.crt\", ", ""),
        "device_info.json: \"cert_deviceinfo.devCertFile\" is missing");
  }

  @Test
  void missingProductIdDeviceNameOrAuthMode() {
    assertError(KEY_JSON.replace("\"productId\": \"KL4J2XXXX8\",", ""), "device_info.json: \"productId\" is missing");
    assertError(KEY_JSON.replace("\"deviceName\": \"airConditioner1\",", ""), "device_info.json: \"deviceName\" is missing");
    assertError(KEY_JSON.replace("\"auth_mode\": \"KEY\",", ""), "device_info.json: \"auth_mode\" is missing");
  }

  @Test
  void malformedFields() {
    assertError(KEY_JSON.replace("\"KL4J2XXXX8\"", "42"), "device_info.json: \"productId\" must be a string");
    assertError(KEY_JSON.replace("\"airConditioner1\"", "\"air/cond\""),
        "device_info.json: \"deviceName\" must not contain '/', '+', '#', '$', whitespace or control characters");
    assertError(KEY_JSON.replace("\"us-east\"", "\"mars\""),
        "device_info.json: \"region\" must be one of \"china\", \"us-east\", \"europe\", \"ap-bangkok\"");
    assertError(KEY_JSON.replace("\"KEY\"", "\"PSK\""), "device_info.json: \"auth_mode\" must be \"KEY\" or \"CERT\"");
    assertError(KEY_JSON.replace("{ \"deviceSecret\"", "[ \"deviceSecret\"").replace("\" },\n  \"cert", "\" ],\n  \"cert"),
        "device_info.json: not valid JSON");
    assertError(KEY_JSON.replace("\"productId\": \"KL4J2XXXX8\"", "\"productId\": \"\""), "device_info.json: \"productId\" is empty");
  }

  @Test
  void badBase64SecretIsReportedWithoutQuotingIt() {
    String bad = "not*base64*" + SECRET;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DeviceInfo.parse(KEY_JSON.replace(SECRET, bad), "device_info.json"));
    assertEquals("device_info.json: \"key_deviceinfo.deviceSecret\" is not valid base64", e.getMessage());
  }

  @Test
  void brokenJsonNamesThePositionButNoContent() {
    String broken = KEY_JSON.replace("\"" + SECRET + "\" }", "\"" + SECRET + " }");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DeviceInfo.parse(broken, "/etc/rrpc/device_info.json"));
    assertTrue(e.getMessage().startsWith("/etc/rrpc/device_info.json: not valid JSON at line "), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertFalse(e.getMessage().contains("MDEy"), e.getMessage());
  }

  @Test
  void notAnObject() {
    assertError("[1,2]", "device_info.json: not a JSON object");
  }

  @Test
  void toStringNeverShowsTheSecret() {
    DeviceInfo info = DeviceInfo.parse(KEY_JSON, "device_info.json");
    assertEquals("DeviceInfo{productId=KL4J2XXXX8, deviceName=airConditioner1, region=us-east, authMode=KEY,"
        + " deviceSecret=<redacted>}", info.toString());
  }

  @Test
  void builderNamesTheMissingValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DeviceInfo.builder().productId("P").deviceSecret(SECRET).build());
    assertEquals("DeviceInfo.builder(): \"deviceName\" is missing", e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> DeviceInfo.builder().productId("P").deviceName("d").build());
    assertEquals("DeviceInfo.builder(): give either deviceSecret (KEY mode) or certificate (CERT mode)", e.getMessage());

    e = assertThrows(IllegalArgumentException.class,
        () -> DeviceInfo.builder().productId("P").deviceName("d").deviceSecret("%%%").build());
    assertEquals("DeviceInfo.builder(): \"deviceSecret\" is not valid base64", e.getMessage());
  }

  @Test
  void builderMakesKeyAndCertIdentities() {
    DeviceInfo key = DeviceInfo.builder().productId("P").deviceName("d").region(Region.EUROPE)
        .deviceSecret(SECRET).build();
    assertEquals(AuthMode.KEY, key.authMode());
    assertEquals(Region.EUROPE, key.region());
    DeviceInfo cert = DeviceInfo.builder().productId("P").deviceName("d").certificate("c.pem", "k.pem").build();
    assertEquals(AuthMode.CERT, cert.authMode());
    assertEquals("DeviceInfo{productId=P, deviceName=d, region=china, authMode=CERT, certificateFile=c.pem,"
        + " privateKeyFile=k.pem}", cert.toString());
  }

  private static void assertError(String json, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DeviceInfo.parse(json, "device_info.json"));
    assertTrue(e.getMessage().startsWith(message), "expected <" + message + "> but was <" + e.getMessage() + ">");
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
  }
}
