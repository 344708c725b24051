package io.rrpc.hub.api;

/**
 * The error codes the local hub's API answers with, Tencent Cloud API 3.0's own (common codes and
 * {@code PublishRRPCMessage}'s). Every error is an HTTP 200 response with
 * {@code {"Response":{"Error":{"Code","Message"},"RequestId"}}}, as Tencent sends them, so that
 * Tencent's SDKs surface the code.
 */
public final class ApiErrors {
  private ApiErrors() {}

  /** The {@code Authorization} header is missing or not a TC3-HMAC-SHA256 one. */
  public static final String INVALID_AUTHORIZATION = "AuthFailure.InvalidAuthorization";
  /** The signature does not match the hub's SecretKey, host and body. */
  public static final String SIGNATURE_FAILURE = "AuthFailure.SignatureFailure";
  /** {@code X-TC-Timestamp} is more than 5 minutes away from the hub's clock. */
  public static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";
  /** The request names a SecretId the hub does not have. */
  public static final String SECRET_ID_NOT_FOUND = "AuthFailure.SecretIdNotFound";
  /** No such action (the hub serves PublishRRPCMessage, DescribeDevice and PublishMessage). */
  public static final String INVALID_ACTION = "InvalidAction";
  /** An API version the action does not have. */
  public static final String NO_SUCH_VERSION = "NoSuchVersion";
  /** A required parameter (or common header) is missing. */
  public static final String MISSING_PARAMETER = "MissingParameter";
  /** A parameter of the wrong type, a body that is not a JSON object, a wrong Content-Type. */
  public static final String INVALID_PARAMETER = "InvalidParameter";
  /** A parameter with a value out of range. */
  public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
  /** A parameter the action does not have. */
  public static final String UNKNOWN_PARAMETER = "UnknownParameter";
  /** More calls per second than the configured limit. */
  public static final String REQUEST_LIMIT_EXCEEDED = "RequestLimitExceeded";
  /** A request body over the hub's limit. */
  public static final String REQUEST_SIZE_LIMIT_EXCEEDED = "RequestSizeLimitExceeded";
  /** A request that is not HTTP POST, or did not arrive whole in time. */
  public static final String INVALID_REQUEST = "InvalidRequest";
  /** The hub cannot serve the call (for example while it shuts down). */
  public static final String INTERNAL_ERROR = "InternalError";

  /** PublishRRPCMessage: no reply within the deadline. */
  public static final String RRPC_TIMEOUT = "FailedOperation.RRPCTimeout";
  /** The device is not connected. */
  public static final String DEVICE_OFFLINE = "FailedOperation.DeviceOffline";
  /** The device is connected but has not subscribed to its RRPC request topic. */
  public static final String DEVICE_NO_SUBSCRIPTION = "FailedOperation.DeviceNoSubscription";
  /** PublishRRPCMessage: a payload over the limit. */
  public static final String PAYLOAD_OVER_LIMIT = "InvalidParameterValue.PayloadOverLimit";
  /** No such device. */
  public static final String DEVICE_NOT_EXIST = "ResourceNotFound.DeviceNotExist";
}
