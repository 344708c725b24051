package io.rrpc.hub.api;

/** Product and device names that fit the topic scheme {@code $rrpc/rxd/{productId}/{deviceName}/...}. */
final class DeviceNames {
  private DeviceNames() {}

  /** @throws ApiException {@code InvalidParameterValue} for an empty name or one with {@code / + # ;} or whitespace */
  static void check(String productId, String deviceName) throws ApiException {
    checkOne("ProductId", productId);
    checkOne("DeviceName", deviceName);
  }

  private static void checkOne(String what, String name) throws ApiException {
    if (name.isEmpty()) {
      throw new ApiException(ApiErrors.INVALID_PARAMETER_VALUE, "The parameter `" + what + "` must not be empty.");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '+' || c == '#' || c == ';' || Character.isWhitespace(c) || c == 0) {
        throw new ApiException(ApiErrors.INVALID_PARAMETER_VALUE,
            "The parameter `" + what + "` must not contain '" + c + "': " + name);
      }
    }
  }
}
