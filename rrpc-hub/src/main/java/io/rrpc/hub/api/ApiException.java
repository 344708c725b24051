package io.rrpc.hub.api;

/** A request the API answers with a Tencent error code; the message is what the response's Message says. */
public final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;

  /** An error with one of {@link ApiErrors}'s codes. */
  public ApiException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** Tencent's error code. */
  public String code() {
    return code;
  }
}
