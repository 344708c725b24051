package io.rrpc.hub.api;

import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The actions the local hub serves, by name: {@code PublishRRPCMessage}, {@code DescribeDevice} and
 * {@code PublishMessage}, each in IoT Hub's API versions 2018-06-14 and 2021-04-08. Anything else is
 * {@code InvalidAction}; another version {@code NoSuchVersion}. Thread-safe.
 */
public final class ApiActions {
  /** The IoT Hub ({@code iotcloud}) API versions served. */
  static final Set<String> VERSIONS =
      Collections.unmodifiableSet(new HashSet<>(Arrays.asList("2018-06-14", "2021-04-08")));

  private final PublishRrpcMessageAction publishRrpc;
  private final DescribeDeviceAction describeDevice;
  private final PublishMessageAction publishMessage;

  /**
   * @param hub the MQTT side
   * @param rrpcRate the limit on {@code PublishRRPCMessage} calls (Tencent allows 20 per second)
   * @param rrpcPayloadLimit the largest {@code PublishRRPCMessage} payload in bytes
   */
  public ApiActions(DeviceHub hub, RateLimiter rrpcRate, int rrpcPayloadLimit) {
    this.publishRrpc = new PublishRrpcMessageAction(hub, rrpcRate, rrpcPayloadLimit);
    this.describeDevice = new DescribeDeviceAction(hub);
    this.publishMessage = new PublishMessageAction(hub);
  }

  /**
   * Runs an action. The future completes with the response's fields (without {@code RequestId}), or
   * exceptionally with an {@link ApiException}.
   *
   * @param action the action's name, e.g. {@code PublishRRPCMessage}
   * @param version the API version the request named
   * @param params the request body, the action's parameters
   * @return the response's fields, or a failed future
   */
  public CompletableFuture<JsonObject> call(String action, String version, JsonObject params) {
    try {
      if (!VERSIONS.contains(version)) {
        throw new ApiException(ApiErrors.NO_SUCH_VERSION, "The API version `" + version
            + "` does not exist for IoT Hub; the local hub serves " + String.join(" and ", VERSIONS) + ".");
      }
      switch (action) {
        case PublishRrpcMessageAction.NAME:
          return publishRrpc.run(version, params);
        case DescribeDeviceAction.NAME:
          return describeDevice.run(version, params);
        case PublishMessageAction.NAME:
          return publishMessage.run(params);
        default:
          throw new ApiException(ApiErrors.INVALID_ACTION, "The action `" + action + "` does not exist; the local"
              + " hub serves PublishRRPCMessage, DescribeDevice and PublishMessage.");
      }
    } catch (ApiException e) {
      CompletableFuture<JsonObject> failed = new CompletableFuture<>();
      failed.completeExceptionally(e);
      return failed;
    }
  }
}
