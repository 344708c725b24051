package io.rrpc.hub.devices;

import java.util.Base64;
import java.util.Objects;

/**
 * A device the hub knows: product, name and base64 secret ({@code null} until one is generated).
 * {@link #toString()} never shows the secret. Immutable.
 */
public final class DeviceSpec {
  private final String productId;
  private final String deviceName;
  private final String secretBase64;

  /**
   * A device.
   *
   * @param productId the product's ID, as in the console
   * @param deviceName the device's name within the product
   * @param secretBase64 the device secret in base64 as the console shows it, or {@code null} for the hub
   *     to generate one
   * @throws IllegalArgumentException for an empty name, one with {@code / + # ; :} or whitespace, or a
   *     secret that is not base64
   */
  public DeviceSpec(String productId, String deviceName, String secretBase64) {
    this.productId = checkName("product", productId);
    this.deviceName = checkName("device", deviceName);
    if (secretBase64 != null) {
      try {
        if (Base64.getDecoder().decode(secretBase64).length == 0) {
          throw new IllegalArgumentException("empty");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the secret of " + productId + "/" + deviceName + " is not base64");
      }
    }
    this.secretBase64 = secretBase64;
  }

  /**
   * Parses {@code PRODUCT/DEVICE} or {@code PRODUCT/DEVICE:SECRET} (SECRET in base64, as the console
   * gives it).
   *
   * @param spec the text, as {@code --device} takes it
   * @return the device
   * @throws IllegalArgumentException naming the argument and what is wrong with it (never the secret)
   */
  public static DeviceSpec parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    int colon = spec.indexOf(':');
    String ids = colon < 0 ? spec : spec.substring(0, colon);
    String secret = colon < 0 ? null : spec.substring(colon + 1);
    int slash = ids.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("--device must be PRODUCT/DEVICE or PRODUCT/DEVICE:SECRET, was: " + ids);
    }
    return new DeviceSpec(ids.substring(0, slash), ids.substring(slash + 1), secret);
  }

  /**
   * The product's ID.
   *
   * @return the ID, never empty
   */
  public String productId() {
    return productId;
  }

  /**
   * The device's name within its product.
   *
   * @return the name, never empty
   */
  public String deviceName() {
    return deviceName;
  }

  /**
   * The device secret; never log it.
   *
   * @return the base64 secret, or {@code null} when the hub is to generate one
   */
  public String secretBase64() {
    return secretBase64;
  }

  /**
   * The same device with another secret.
   *
   * @param secretBase64 the secret in base64, or {@code null}
   * @return a new spec; this one is unchanged
   * @throws IllegalArgumentException when the secret is not base64
   */
  public DeviceSpec withSecret(String secretBase64) {
    return new DeviceSpec(productId, deviceName, secretBase64);
  }

  @Override
  public String toString() {
    return productId + "/" + deviceName;
  }

  private static String checkName(String what, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("the " + what + " name must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '+' || c == '#' || c == ';' || c == ':' || Character.isWhitespace(c) || c == 0) {
        throw new IllegalArgumentException("the " + what + " name must not contain '" + c + "': " + name);
      }
    }
    return name;
  }
}
