package io.rrpc.testkit;

/**
 * A {@code PublishRRPCMessage} call that failed, with the error code Tencent's API would return.
 *
 * <p>Thrown by {@link HubSimulator#publishRrpc}; the futures of {@link HubSimulator#publishRrpcAsync}
 * complete exceptionally with it.
 */
public final class RrpcCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The device did not reply within the hub's deadline (4 s unless configured otherwise). */
  public static final String RRPC_TIMEOUT = "FailedOperation.RRPCTimeout";
  /** The device is not connected to the broker. */
  public static final String DEVICE_OFFLINE = "FailedOperation.DeviceOffline";
  /** The device is connected but has not subscribed to its RRPC request topic. */
  public static final String DEVICE_NO_SUBSCRIPTION = "FailedOperation.DeviceNoSubscription";
  /** The request payload is longer than the hub's limit. */
  public static final String PAYLOAD_OVER_LIMIT = "InvalidParameterValue.PayloadOverLimit";
  /** No such device is registered (only asked when the broker checks credentials). */
  public static final String DEVICE_NOT_EXIST = "ResourceNotFound.DeviceNotExist";
  /** The simulator itself cannot serve the call: closed, or not connected to its broker. */
  public static final String INTERNAL_ERROR = "InternalError";

  /** Tencent's error code. */
  private final String code;
  /** The MessageId of the request, or 0. */
  private final long messageId;
  /** What went wrong, in words. */
  private final String detail;

  RrpcCallException(String code, long messageId, String detail) {
    super(code + ": " + detail);
    this.code = code;
    this.messageId = messageId;
    this.detail = detail;
  }

  /**
   * Tencent's error code, one of the constants of this class.
   *
   * @return the code
   */
  public String code() {
    return code;
  }

  /**
   * The MessageId the request was published with, or 0 when the call failed before one was assigned
   * (for example {@link #PAYLOAD_OVER_LIMIT}).
   *
   * @return the MessageId, or 0
   */
  public long messageId() {
    return messageId;
  }

  /** The same failure, thrown again in the caller's thread so that its stack shows the caller. */
  RrpcCallException rethrown() {
    RrpcCallException copy = new RrpcCallException(code, messageId, detail);
    copy.addSuppressed(this);
    return copy;
  }
}
