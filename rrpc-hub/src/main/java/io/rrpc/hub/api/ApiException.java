package io.rrpc.hub.api;

/** A request the API answers with a Tencent error code; the message is what the response's Message says. */
public final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Tencent's error code, one of {@link ApiErrors}'s. */
  private final String code;

  /**
   * An error with one of {@link ApiErrors}'s codes.
   *
   * @param code the error code, e.g. {@link ApiErrors#DEVICE_NOT_EXIST}
   * @param message what the response's {@code Message} says
   */
  public ApiException(String code, String message) {
    super(message);
    this.code = code;
  }

  /**
   * Tencent's error code.
   *
   * @return the code, e.g. {@code ResourceNotFound.DeviceNotExist}
   */
  public String code() {
    return code;
  }
}
