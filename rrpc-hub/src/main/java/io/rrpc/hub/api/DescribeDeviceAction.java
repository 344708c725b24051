package io.rrpc.hub.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code DescribeDevice(ProductId, DeviceName)}: the fields of Tencent's response that the local hub can
 * tell truthfully — {@code DeviceName}, {@code Online} (1 or 0), {@code LoginTime} (epoch seconds, 0 when
 * never), {@code CreateTime}, {@code EnableState} 1, {@code DeviceType} 0 and {@code Version}. The device
 * secret ({@code DevicePsk}) is not returned.
 */
final class DescribeDeviceAction {
  static final String NAME = "DescribeDevice";
  private static final Set<String> PARAMS = new HashSet<>(Arrays.asList("ProductId", "DeviceName"));

  private final DeviceHub hub;

  DescribeDeviceAction(DeviceHub hub) {
    this.hub = hub;
  }

  CompletableFuture<JsonObject> run(String version, JsonObject body) throws ApiException {
    ActionParams params = new ActionParams(NAME, body, PARAMS);
    String productId = params.requiredString("ProductId");
    String deviceName = params.requiredString("DeviceName");
    DeviceNames.check(productId, deviceName);
    DeviceHub.DeviceStatus status = hub.describe(productId, deviceName);
    JsonObject response = new JsonObject();
    response.addProperty("DeviceName", deviceName);
    response.addProperty("Online", status.online ? 1 : 0);
    response.addProperty("LoginTime", status.loginTime);
    response.addProperty("CreateTime", status.createTime);
    response.addProperty("EnableState", 1);
    response.addProperty("DeviceType", 0);
    response.addProperty("Version", "");
    response.add("Tags", new JsonArray());
    return CompletableFuture.completedFuture(response);
  }
}
