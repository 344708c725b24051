package io.rrpc.runtime;

/**
 * Everything an {@link RrpcDevice} was built with, validated and frozen: the builder collects options,
 * this holds them, so later changes to the builder never reach a device it built. Immutable.
 */
final class DeviceSettings {
  /** The hub gives up on a request this long after publishing it. */
  static final long HUB_DEADLINE_MILLIS = 4000;

  final DeviceInfo deviceInfo;
  final DispatchTable table;
  final BrokerEndpoint endpoint;
  final String sdkAppId;
  final SignatureAlgorithm signatureAlgorithm;
  final long tokenValidityMillis;
  final int workers;
  final int queueCapacity;
  final long deadlineMillis;
  final int maxPayloadBytes;
  final int requestQos;
  final int keepAliveSeconds;
  final long connectTimeoutMillis;
  final long backoffMinMillis;
  final long backoffMaxMillis;
  final ErrorReplyPolicy errorReplyPolicy;
  final RrpcConnectionListener connectionListener;
  /** Shared executors, or {@code null} for the device's own. */
  final RrpcExecutors executors;
  /** How long a reply is worth holding for a reconnect: the hub's wait, or the deadline if longer. */
  final long replyHoldMillis;

  /**
   * Validates the builder's options and reads the TLS material.
   *
   * @throws IllegalArgumentException naming the first problem
   */
  DeviceSettings(RrpcDevice.Builder b) {
    if (b.deviceInfo == null) {
      throw new IllegalArgumentException("deviceInfo is required");
    }
    this.table = DispatchTable.of(b.dispatchers);
    require(b.workers >= 1, "workers must be at least 1, was " + b.workers);
    require(b.queueCapacity >= 0, "queueCapacity must not be negative, was " + b.queueCapacity);
    require(b.deadlineMillis >= 1, "deadline must be positive, was " + b.deadlineMillis + " ms");
    require(b.maxPayloadBytes >= 1, "maxPayloadBytes must be positive, was " + b.maxPayloadBytes);
    require(b.requestQos == 0 || b.requestQos == 1, "requestQos must be 0 or 1, was " + b.requestQos);
    require(b.keepAliveSeconds >= 0 && b.keepAliveSeconds <= 65535,
        "keepAliveSeconds must be 0..65535, was " + b.keepAliveSeconds);
    require(b.connectTimeoutMillis >= 1, "connectTimeout must be positive");
    require(b.backoffMinMillis >= 1 && b.backoffMaxMillis >= b.backoffMinMillis,
        "reconnectBackoff needs 0 < min <= max, was " + b.backoffMinMillis + ".." + b.backoffMaxMillis + " ms");
    require(b.tokenValidityMillis >= 1000, "tokenValidity must be at least 1 s");
    require(b.sdkAppId != null && !b.sdkAppId.isEmpty() && b.sdkAppId.indexOf(';') < 0,
        "sdkAppId must be non-empty without ';'");
    require(b.signatureAlgorithm != null, "signatureAlgorithm must not be null");
    require(b.errorReplyPolicy != null, "errorReplyPolicy must not be null");
    require(b.executors == null || !b.executors.isClosed(), "the shared executors are closed");
    this.deviceInfo = b.deviceInfo;
    this.endpoint = BrokerEndpoint.create(b.deviceInfo, b.brokerUri, b.tls, b.trustStore, b.trustAll);
    this.sdkAppId = b.sdkAppId;
    this.signatureAlgorithm = b.signatureAlgorithm;
    this.tokenValidityMillis = b.tokenValidityMillis;
    this.workers = b.workers;
    this.queueCapacity = b.queueCapacity;
    this.deadlineMillis = b.deadlineMillis;
    this.maxPayloadBytes = b.maxPayloadBytes;
    this.requestQos = b.requestQos;
    this.keepAliveSeconds = b.keepAliveSeconds;
    this.connectTimeoutMillis = b.connectTimeoutMillis;
    this.backoffMinMillis = b.backoffMinMillis;
    this.backoffMaxMillis = b.backoffMaxMillis;
    this.errorReplyPolicy = b.errorReplyPolicy;
    this.connectionListener = b.connectionListener;
    this.executors = b.executors;
    this.replyHoldMillis = Math.max(b.hubDeadlineMillis, b.deadlineMillis);
  }

  /** The name the device's threads carry: {@code rrpc-<clientId>}. */
  String threadName() {
    return "rrpc-" + deviceInfo.productId() + deviceInfo.deviceName();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
