package io.rrpc.example.aircon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.junit5.RrpcHubExtension;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import io.rrpc.testkit.RrpcResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every airConditioner1 command, end to end through the testkit's hub and a signed login. */
@ExtendWith(RrpcHubExtension.class)
class AirconDeviceTest {
  private static final String PRODUCT = "ABCDEFGHIJ";
  private static final String DEVICE = "airConditioner1";

  private final HubSimulator hub;
  private AirconComponent component;
  private RrpcDevice device;

  AirconDeviceTest(HubSimulator hub) {
    this.hub = hub;
  }

  @BeforeEach
  void startDevice(EmbeddedBroker broker) {
    String secret = broker.registerDevice(PRODUCT, DEVICE);
    DeviceInfo info = DeviceInfo.builder().productId(PRODUCT).deviceName(DEVICE).deviceSecret(secret).build();
    component = AirconComponent.create(info, BrokerAddress.of(broker.uri()));
    device = component.device();
    device.start();
  }

  @AfterEach
  void closeDevice() {
    device.close();
  }

  @Test
  void closedPowersOffAndRepliesOkAsInTencentsDemo() {
    RrpcResult result = hub.publishRrpc(PRODUCT, DEVICE, "closed");

    assertEquals("ok", result.payloadText());
    assertEquals("b2s=", result.payloadBase64());
    assertFalse(component.airConditioner().state().powered());
  }

  @Test
  void openPowersOn() {
    hub.publishRrpc(PRODUCT, DEVICE, "closed");

    assertEquals("ok", hub.publishRrpc(PRODUCT, DEVICE, "open").payloadText());
    assertTrue(component.airConditioner().state().powered());
  }

  @Test
  void statusRepliesWithTheStateAsJson() {
    JsonObject status = json(hub.publishRrpc(PRODUCT, DEVICE, "status"));

    assertEquals("on", status.get("power").getAsString());
    assertEquals("auto", status.get("mode").getAsString());
    assertEquals(26, status.get("celsius").getAsInt());
    assertEquals("auto", status.get("fan").getAsString());
  }

  @Test
  void setTemperatureChangesTheTarget() {
    JsonObject state = json(hub.publishRrpc(PRODUCT, DEVICE,
        "{\"method\":\"setTemperature\",\"params\":{\"celsius\":24}}"));

    assertEquals(24, state.get("celsius").getAsInt());
    assertEquals(24, component.airConditioner().state().targetCelsius());
  }

  @Test
  void setTemperatureOutOfRangeIsRefusedAndChangesNothing() {
    for (int celsius : new int[] {15, 31, 35}) {
      JsonObject error = errorOf(hub.publishRrpc(PRODUCT, DEVICE,
          "{\"method\":\"setTemperature\",\"params\":{\"celsius\":" + celsius + "}}"));

      assertEquals("invalid_params", error.get("code").getAsString());
      assertEquals("celsius must be between 16 and 30, was " + celsius, error.get("message").getAsString());
    }
    assertEquals(26, component.airConditioner().state().targetCelsius());
  }

  @Test
  void setTemperatureWithAMissingOrMistypedParamIsRefused() {
    JsonObject missing = errorOf(hub.publishRrpc(PRODUCT, DEVICE, "{\"method\":\"setTemperature\"}"));
    JsonObject mistyped = errorOf(hub.publishRrpc(PRODUCT, DEVICE,
        "{\"method\":\"setTemperature\",\"params\":{\"celsius\":\"warm\"}}"));
    JsonObject fraction = errorOf(hub.publishRrpc(PRODUCT, DEVICE,
        "{\"method\":\"setTemperature\",\"params\":{\"celsius\":24.5}}"));

    assertEquals("invalid_params", missing.get("code").getAsString());
    assertTrue(missing.get("message").getAsString().contains("celsius"));
    assertEquals("invalid_params", mistyped.get("code").getAsString());
    assertEquals("invalid_params", fraction.get("code").getAsString());
    assertEquals(26, component.airConditioner().state().targetCelsius());
  }

  @Test
  void setModeAndSetFanSpeedTakeLowerCaseNames() {
    JsonObject mode = json(hub.publishRrpc(PRODUCT, DEVICE, "{\"method\":\"setMode\",\"params\":{\"mode\":\"heat\"}}"));
    JsonObject fan = json(hub.publishRrpc(PRODUCT, DEVICE, "{\"method\":\"setFanSpeed\",\"params\":{\"speed\":\"high\"}}"));

    assertEquals("heat", mode.get("mode").getAsString());
    assertEquals("high", fan.get("fan").getAsString());
    assertEquals(AirConditioner.Mode.HEAT, component.airConditioner().state().mode());
    assertEquals(AirConditioner.FanSpeed.HIGH, component.airConditioner().state().fanSpeed());
  }

  @Test
  void setModeWithAnUnknownOrMissingModeIsRefused() {
    JsonObject unknown = errorOf(hub.publishRrpc(PRODUCT, DEVICE, "{\"method\":\"setMode\",\"params\":{\"mode\":\"turbo\"}}"));
    JsonObject missing = errorOf(hub.publishRrpc(PRODUCT, DEVICE, "{\"method\":\"setMode\",\"params\":{}}"));

    assertEquals("invalid_params", unknown.get("code").getAsString());
    assertEquals("param \"mode\" must be one of COOL, HEAT, FAN, AUTO", unknown.get("message").getAsString());
    assertEquals("param \"mode\" is required", missing.get("message").getAsString());
    assertEquals(AirConditioner.Mode.AUTO, component.airConditioner().state().mode());
  }

  @Test
  void selfTestCompletesAsynchronously() {
    JsonObject report = json(hub.publishRrpc(PRODUCT, DEVICE, "selfTest"));

    assertEquals("pass", report.get("result").getAsString());
    assertEquals("on", report.getAsJsonObject("state").get("power").getAsString());
  }

  @Test
  void anUnknownTextCommandGetsTheFallbacksTextErrorListingTheCommands() {
    RrpcResult result = hub.publishRrpc(PRODUCT, DEVICE, "reboot now");

    assertEquals("error unknown_command: airConditioner1 has no command \"reboot\"; supported: "
        + "closed, open, selfTest, setFanSpeed, setMode, setTemperature, status", result.payloadText());
  }

  @Test
  void anUnknownJsonCommandGetsAJsonError() {
    JsonObject error = errorOf(hub.publishRrpc(PRODUCT, DEVICE, "{\"method\":\"reboot\"}"));

    assertEquals("unknown_command", error.get("code").getAsString());
  }

  @Test
  void malformedJsonIsRefused() {
    JsonObject error = errorOf(hub.publishRrpc(PRODUCT, DEVICE, "{\"method\":\"status\""));

    assertEquals("malformed_json", error.get("code").getAsString());
  }

  @Test
  void payloadBase64IsTheBase64OfTheReply() {
    RrpcResult result = hub.publishRrpc(PRODUCT, DEVICE, "status");

    assertEquals(result.payloadText(),
        new String(Base64.getDecoder().decode(result.payloadBase64()), StandardCharsets.UTF_8));
  }

  private static JsonObject json(RrpcResult result) {
    return JsonParser.parseString(result.payloadText()).getAsJsonObject();
  }

  private static JsonObject errorOf(RrpcResult result) {
    return json(result).getAsJsonObject("error");
  }
}
