package io.rrpc.testkit;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The devices the hub knows, with their secrets, keyed by clientId ({@code {productId}{deviceName}}).
 * Thread-safe. Secrets are handed out only to whoever registered the device and never printed.
 */
final class DeviceRegistry {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Device> byClientId = new ConcurrentHashMap<>();

  /** Registers a device with a fresh random secret (16 bytes, base64, like the console's) and returns it. */
  String register(String productId, String deviceName) {
    byte[] secret = new byte[16];
    RANDOM.nextBytes(secret);
    String secretBase64 = Base64.getEncoder().encodeToString(secret);
    register(productId, deviceName, secretBase64);
    return secretBase64;
  }

  /** Registers a device, or replaces the secret of one already registered. */
  void register(String productId, String deviceName, String secretBase64) {
    checkName("productId", productId);
    checkName("deviceName", deviceName);
    byte[] secret;
    try {
      secret = Base64.getDecoder().decode(secretBase64);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("the device secret of " + productId + "/" + deviceName + " is not base64");
    }
    Device device = new Device(productId, deviceName, secret);
    Device before = byClientId.putIfAbsent(device.clientId(), device);
    if (before != null) {
      if (!before.productId.equals(productId)) {
        throw new IllegalArgumentException("clientId " + device.clientId() + " of " + productId + "/" + deviceName
            + " is already the clientId of " + before.productId + "/" + before.deviceName);
      }
      byClientId.put(device.clientId(), device);
    }
  }

  /** The decoded secret of the device with this clientId, or {@code null}. */
  byte[] secretOf(String clientId) {
    Device d = byClientId.get(clientId);
    return d == null ? null : d.secret.clone();
  }

  /** The base64 secret of a registered device, or {@code null}. */
  String secretBase64(String productId, String deviceName) {
    Device d = byClientId.get(productId + deviceName);
    return d == null || !d.productId.equals(productId) ? null : Base64.getEncoder().encodeToString(d.secret);
  }

  boolean contains(String productId, String deviceName) {
    Device d = byClientId.get(productId + deviceName);
    return d != null && d.productId.equals(productId);
  }

  /** Rejects names that would break the topic scheme {@code $rrpc/rxd/{productId}/{deviceName}/...}. */
  static void checkName(String what, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '+' || c == '#' || c == ';' || Character.isWhitespace(c) || c == 0) {
        throw new IllegalArgumentException(what + " must not contain '" + c + "': " + name);
      }
    }
  }

  private static final class Device {
    final String productId;
    final String deviceName;
    final byte[] secret;

    Device(String productId, String deviceName, byte[] secret) {
      this.productId = productId;
      this.deviceName = deviceName;
      this.secret = secret;
    }

    String clientId() {
      return productId + deviceName;
    }
  }
}
