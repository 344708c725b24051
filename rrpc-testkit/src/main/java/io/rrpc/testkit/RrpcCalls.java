package io.rrpc.testkit;

import io.rrpc.testkit.DevicePresence.Status;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * {@code PublishRRPCMessage}'s semantics over a {@link SubscribedConnection}: checks the request, asks
 * the broker's presence whether the device can be reached, publishes on the request topic and lets
 * {@link PendingCalls} match the reply. Thread-safe.
 */
final class RrpcCalls {
  static final String REPLY_FILTER = "$rrpc/txd/+/+/+";
  private static final String REPLY_PREFIX = "$rrpc/txd/";
  /** How long a lagging presence source may take to confirm that a device is absent. */
  static final long CATCH_UP_MILLIS = 2000;

  private final PendingCalls pending;
  private final DevicePresence presence;
  private final DeviceRegistry registry;
  private final boolean devicesMustExist;
  private final int payloadLimit;
  private final AtomicLong markers = new AtomicLong();
  private volatile SubscribedConnection connection;

  RrpcCalls(PendingCalls pending, DevicePresence presence, DeviceRegistry registry, boolean devicesMustExist,
      int payloadLimit) {
    this.pending = pending;
    this.presence = presence;
    this.registry = registry;
    this.devicesMustExist = devicesMustExist;
    this.payloadLimit = payloadLimit;
  }

  /** The connection to publish on, once it is open. */
  void publishOn(SubscribedConnection connection) {
    this.connection = connection;
  }

  /** For the connection's messages: a reply completes its pending call. */
  void onMessage(String topic, byte[] payload) {
    if (topic.startsWith(REPLY_PREFIX)) {
      pending.onReply(topic.substring(REPLY_PREFIX.length()), payload);
    }
  }

  /** See {@link HubSimulator#publishRrpcAsync(String, String, byte[])}. */
  CompletableFuture<RrpcResult> call(String productId, String deviceName, byte[] payload) {
    DeviceRegistry.checkName("productId", productId);
    DeviceRegistry.checkName("deviceName", deviceName);
    Objects.requireNonNull(payload, "payload");
    SubscribedConnection c = connection;
    if (pending.isClosed() || c == null) {
      return failed(RrpcCallException.INTERNAL_ERROR, 0, "the hub simulator is closed");
    }
    if (payload.length > payloadLimit) {
      return failed(RrpcCallException.PAYLOAD_OVER_LIMIT, 0,
          "the payload is " + payload.length + " bytes, over the limit of " + payloadLimit);
    }
    if (devicesMustExist && !registry.contains(productId, deviceName)) {
      return failed(RrpcCallException.DEVICE_NOT_EXIST, 0, productId + "/" + deviceName + " is not registered");
    }
    long messageId = pending.nextMessageId();
    String clientId = productId + deviceName;
    String topic = "$rrpc/rxd/" + productId + "/" + deviceName + "/" + messageId;
    Status status = presence.status(clientId, topic);
    if (!isAbsent(status)) {
      return send(c, productId, deviceName, messageId, topic, payload);
    }
    if (!presence.lags()) {
      return absent(status, clientId, messageId);
    }
    // The presence view may be behind the broker: let it catch up before declaring the device absent.
    CompletableFuture<RrpcResult> result = new CompletableFuture<>();
    String marker = "rrpc-testkit/sync/" + c.clientId() + "/" + markers.incrementAndGet();
    CompletableFuture<Void> seen = presence.catchUp(c.clientId(), marker).toCompletableFuture();
    try {
      c.publish(marker, new byte[0], 0);
    } catch (MqttException e) {
      seen.completeExceptionally(e);
    }
    // Decided on the simulator's thread: the stage may complete on the presence source's own thread
    // (Mosquitto's log reader), which must never run a caller's dependent stages.
    seen.orTimeout(CATCH_UP_MILLIS, TimeUnit.MILLISECONDS).whenComplete((ignored, error) -> pending.execute(() -> {
      Status now = error == null ? presence.status(clientId, topic) : Status.UNKNOWN;
      CompletableFuture<RrpcResult> outcome =
          isAbsent(now) ? absent(now, clientId, messageId) : send(c, productId, deviceName, messageId, topic, payload);
      outcome.whenComplete((r, e) -> {
        if (e != null) {
          result.completeExceptionally(e);
        } else {
          result.complete(r);
        }
      });
    }));
    return result;
  }

  private CompletableFuture<RrpcResult> send(SubscribedConnection c,
      String productId, String deviceName, long messageId, String topic, byte[] payload) {
    if (!c.isSubscribed()) {
      return failed(RrpcCallException.INTERNAL_ERROR, messageId, "the hub simulator is not connected to " + c.uri());
    }
    PendingCalls.Call call = pending.register(productId, deviceName, messageId);
    try {
      c.publish(topic, payload, 0);
    } catch (MqttException e) {
      pending.abandon(call, RrpcCallException.INTERNAL_ERROR, "cannot publish the request: " + e);
    }
    return call.future;
  }

  private static boolean isAbsent(Status status) {
    return status == Status.OFFLINE || status == Status.NOT_SUBSCRIBED;
  }

  private static CompletableFuture<RrpcResult> absent(Status status, String clientId, long messageId) {
    return status == Status.OFFLINE
        ? failed(RrpcCallException.DEVICE_OFFLINE, messageId, clientId + " is not connected")
        : failed(RrpcCallException.DEVICE_NO_SUBSCRIPTION, messageId,
            clientId + " has not subscribed to $rrpc/rxd/{productId}/{deviceName}/+");
  }

  static CompletableFuture<RrpcResult> failed(String code, long messageId, String detail) {
    CompletableFuture<RrpcResult> f = new CompletableFuture<>();
    f.completeExceptionally(new RrpcCallException(code, messageId, detail));
    return f;
  }
}
