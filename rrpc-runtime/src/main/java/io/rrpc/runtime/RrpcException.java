package io.rrpc.runtime;

/**
 * A request refused with a documented error code and a message meant for the cloud caller.
 *
 * <p>A handler throws it to refuse a request ({@code throw RrpcException.invalidParams("celsius must be
 * 16..30")}); generated code throws it when a parameter cannot be bound; the runtime throws it for a
 * malformed request. Unlike any other exception, its code and message are sent in the error reply, so
 * the message must never contain a secret.
 *
 * <p>Immutable: safe to create on one thread and read on another.
 */
public final class RrpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A parameter is missing, of the wrong type or out of range. */
  public static final String INVALID_PARAMS = "invalid_params";
  /** A payload that starts with <code>{</code> is not a JSON object with a string {@code "method"}. */
  public static final String MALFORMED_JSON = "malformed_json";

  /** The machine-readable code sent in the error reply. */
  private final String code;

  /**
   * @param code a short machine-readable code such as {@code invalid_params}: letters, digits and
   *     {@code _} only
   * @param message a human-readable reason, sent to the caller
   */
  public RrpcException(String code, String message) {
    super(message);
    if (code == null || code.isEmpty() || !isCode(code)) {
      throw new IllegalArgumentException("error code must be [A-Za-z0-9_]+, was: " + code);
    }
    this.code = code;
  }

  /**
   * An {@code invalid_params} refusal with the given reason.
   *
   * @param message the reason, sent to the caller
   * @return an {@code invalid_params} refusal with the given reason
   */
  public static RrpcException invalidParams(String message) {
    return new RrpcException(INVALID_PARAMS, message);
  }

  /** {@return the machine-readable code sent in the error reply} */
  public String code() {
    return code;
  }

  private static boolean isCode(String code) {
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
