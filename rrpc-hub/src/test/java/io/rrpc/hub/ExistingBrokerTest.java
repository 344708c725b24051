package io.rrpc.hub;

import static io.rrpc.hub.CommonClientEndToEndTest.assertError;
import static io.rrpc.hub.CommonClientEndToEndTest.call;
import static io.rrpc.hub.CommonClientEndToEndTest.device;
import static io.rrpc.hub.CommonClientEndToEndTest.rrpc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrpc.hub.api.ApiErrors;
import io.rrpc.hub.devices.DeviceSpec;
import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.MosquittoBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub on an existing broker (Mosquitto, a separate process): it publishes and reads replies there. */
class ExistingBrokerTest {
  private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZg==";

  @TempDir Path dir;

  @Test
  void callsReachADeviceOnMosquittoAndUnknownDevicesDoNotExist() throws Exception {
    try (MosquittoBroker mosquitto = MosquittoBroker.startOrSkip();
        LocalHub hub = LocalHub.start(new HubOptions().broker(mosquitto.uri()).api(TestHub.ANY_PORT)
            .rrpcTimeout(java.time.Duration.ofSeconds(30))
            .deviceInfoOut(dir).device(new DeviceSpec(TestHub.PRODUCT, TestHub.DEVICE, SECRET)));
        RrpcDevice device = RrpcDevice.builder()
            .deviceInfo(DeviceInfo.builder().productId(TestHub.PRODUCT).deviceName(TestHub.DEVICE).deviceSecret(SECRET).build())
            .brokerUri(mosquitto.uri()).dispatcher(new AirconCommands_RrpcDispatcher(new AirconCommands(1))).build()) {
      device.start();
      com.tencentcloudapi.common.CommonClient client = CloudClients.iotcloud("http://" + hub.apiEndpoint(), null,
          "2021-04-08", hub.credentials().secretId(), hub.credentials().secretKey());
      assertEquals("b2s=", call(client, "PublishRRPCMessage", rrpc(TestHub.DEVICE, "closed")).get("PayloadBase64").getAsString());
      assertError(ApiErrors.DEVICE_NOT_EXIST, client, "PublishRRPCMessage", rrpc("nobody", "closed"));
      // The hub cannot see who is connected to another broker: documented as Online 0.
      assertEquals(0, call(client, "DescribeDevice", device(TestHub.DEVICE)).get("Online").getAsInt());
    }
  }
}
