package io.rrpc.runtime;

/**
 * How a request ended. Every outcome but {@link #SUCCESS} is answered with an error reply made by the
 * device's {@link ErrorReplyPolicy}; the standard one writes {@code error <code>: <message>} for a text
 * request and <code>{"error":{"code":"&lt;code&gt;","message":"&lt;message&gt;"}}</code> for a JSON
 * request.
 *
 * <p>Immutable and thread-safe, like every enum.
 */
public enum Outcome {
  /** The handler answered in time; its reply was sent as it is. */
  SUCCESS(null),
  /** No dispatcher declares the command key and none has a fallback: {@code unknown_command}. */
  UNKNOWN_COMMAND("unknown_command"),
  /**
   * The handler threw something other than an {@link RrpcException}: {@code handler_error}. The reply
   * never carries the exception's message or stack trace; the device log does.
   */
  HANDLER_ERROR("handler_error"),
  /** The handler refused the request with an {@link RrpcException}: its own code and message. */
  REFUSED(null),
  /** A parameter was missing, mistyped or out of range: {@code invalid_params}. */
  INVALID_PARAMS("invalid_params"),
  /** A payload starting with <code>{</code> was not a valid JSON request: {@code malformed_json}. */
  MALFORMED_JSON("malformed_json"),
  /** The handler did not finish before the deadline: {@code timeout}; its late result is dropped. */
  TIMEOUT("timeout"),
  /** The request queue was full, or the device is shutting down: {@code busy}. */
  BUSY("busy"),
  /** The request payload was over the size limit: {@code payload_too_large}; not handled. */
  PAYLOAD_TOO_LARGE("payload_too_large");

  private final String code;

  Outcome(String code) {
    this.code = code;
  }

  /**
   * The error code of this outcome, or {@code null} for {@link #SUCCESS} and for {@link #REFUSED},
   * whose code is the one the handler chose.
   *
   * @return the error code of this outcome, or {@code null} for {@link #SUCCESS} and for {@link
   *     #REFUSED}, whose code is the one the handler chose
   */
  public String code() {
    return code;
  }
}
