package io.rrpc.hub.api;

import com.google.gson.JsonObject;
import io.rrpc.testkit.RrpcCallException;
import io.rrpc.testkit.RrpcResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/**
 * {@code PublishRRPCMessage(ProductId, DeviceName, Payload)} → {@code MessageId}, {@code PayloadBase64}.
 * The payload is sent as its UTF-8 bytes; each answered call is logged with its reply and round-trip time
 * (failures are logged by {@link ApiRequestHandler} with the others).
 */
final class PublishRrpcMessageAction {
  static final String NAME = "PublishRRPCMessage";
  private static final Logger LOG = Logger.getLogger("io.rrpc.hub.rrpc");
  private static final Set<String> PARAMS = new HashSet<>(Arrays.asList("ProductId", "DeviceName", "Payload"));

  private final DeviceHub hub;
  private final RateLimiter rate;
  private final int payloadLimit;

  PublishRrpcMessageAction(DeviceHub hub, RateLimiter rate, int payloadLimit) {
    this.hub = hub;
    this.rate = rate;
    this.payloadLimit = payloadLimit;
  }

  CompletableFuture<JsonObject> run(String version, JsonObject body) throws ApiException {
    ActionParams params = new ActionParams(NAME, body, PARAMS);
    String productId = params.requiredString("ProductId");
    String deviceName = params.requiredString("DeviceName");
    String payload = params.requiredString("Payload");
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > payloadLimit) {
      throw new ApiException(ApiErrors.PAYLOAD_OVER_LIMIT,
          "The Payload is " + bytes.length + " bytes, over the limit of " + payloadLimit + ".");
    }
    DeviceNames.check(productId, deviceName);
    if (!rate.tryAcquire()) {
      throw new ApiException(ApiErrors.REQUEST_LIMIT_EXCEEDED, "Your requests exceed the frequency limit of "
          + rate.perSecond() + " PublishRRPCMessage calls per second. Please reduce the frequency of calls.");
    }
    long start = System.nanoTime();
    String who = productId + "/" + deviceName;
    return hub.publishRrpc(productId, deviceName, bytes).handle((result, error) -> {
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (error != null) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RrpcCallException) {
          RrpcCallException failure = (RrpcCallException) cause;
          throw new CompletionException(new ApiException(failure.code(), message(failure, who)));
        }
        throw new CompletionException(cause);
      }
      LOG.info(() -> "RRPC " + who + " #" + result.messageId() + " " + Printable.quote(bytes) + " -> "
          + Printable.quote(result.payload()) + " (" + millis + " ms)");
      return response(result);
    });
  }

  private static JsonObject response(RrpcResult result) {
    JsonObject response = new JsonObject();
    response.addProperty("MessageId", result.messageId());
    response.addProperty("PayloadBase64", result.payloadBase64());
    return response;
  }

  private static String message(RrpcCallException failure, String who) {
    switch (failure.code()) {
      case ApiErrors.RRPC_TIMEOUT:
        return "The device " + who + " did not reply in time (MessageId " + failure.messageId() + ").";
      case ApiErrors.DEVICE_OFFLINE:
        return "The device " + who + " is offline.";
      case ApiErrors.DEVICE_NO_SUBSCRIPTION:
        return "The device " + who + " has not subscribed to $rrpc/rxd/" + who + "/+.";
      case ApiErrors.DEVICE_NOT_EXIST:
        return "The device " + who + " does not exist.";
      default:
        return failure.getMessage();
    }
  }
}
