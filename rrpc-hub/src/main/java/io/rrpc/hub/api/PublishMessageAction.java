package io.rrpc.hub.api;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code PublishMessage(ProductId, DeviceName, Topic, Payload, Qos, PayloadEncoding)}: publishes to a
 * device's topic, which must be {@code {ProductId}/{DeviceName}/[a-zA-Z0-9:_-]{1,128}} as on Tencent's
 * hub. {@code Qos} is 0 (default) or 1; {@code PayloadEncoding} {@code base64} sends the decoded bytes.
 */
final class PublishMessageAction {
  static final String NAME = "PublishMessage";
  private static final Logger LOG = Logger.getLogger("io.rrpc.hub.api");
  private static final Set<String> PARAMS = new HashSet<>(
      Arrays.asList("ProductId", "DeviceName", "Topic", "Payload", "Qos", "PayloadEncoding"));
  private static final Pattern TOPIC_LEAF = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");

  private final DeviceHub hub;

  PublishMessageAction(DeviceHub hub) {
    this.hub = hub;
  }

  CompletableFuture<JsonObject> run(JsonObject body) throws ApiException {
    ActionParams params = new ActionParams(NAME, body, PARAMS);
    String productId = params.requiredString("ProductId");
    String deviceName = params.requiredString("DeviceName");
    String topic = params.requiredString("Topic");
    String payload = params.requiredString("Payload");
    Integer qos = params.optionalInt("Qos");
    String encoding = params.optionalString("PayloadEncoding");
    DeviceNames.check(productId, deviceName);
    String prefix = productId + "/" + deviceName + "/";
    if (!topic.startsWith(prefix) || !TOPIC_LEAF.matcher(topic.substring(prefix.length())).matches()) {
      throw new ApiException(ApiErrors.INVALID_PARAMETER_VALUE,
          "The Topic must be " + prefix + "[a-zA-Z0-9:_-]{1,128}, was: " + topic);
    }
    if (qos != null && qos != 0 && qos != 1) {
      throw new ApiException(ApiErrors.INVALID_PARAMETER_VALUE, "The Qos must be 0 or 1, was: " + qos);
    }
    byte[] bytes;
    if (encoding == null || encoding.isEmpty()) {
      bytes = payload.getBytes(StandardCharsets.UTF_8);
    } else if (encoding.equals("base64")) {
      try {
        bytes = Base64.getDecoder().decode(payload);
      } catch (IllegalArgumentException e) {
        throw new ApiException(ApiErrors.INVALID_PARAMETER_VALUE, "The Payload is not base64: " + e.getMessage());
      }
    } else {
      throw new ApiException(ApiErrors.INVALID_PARAMETER_VALUE,
          "The PayloadEncoding must be base64 or empty, was: " + encoding);
    }
    int level = qos == null ? 0 : qos;
    return hub.publish(productId, deviceName, topic, bytes, level).thenApply(done -> {
      LOG.info(() -> "published " + bytes.length + " bytes on " + topic + " at QoS " + level);
      return new JsonObject();
    });
  }
}
