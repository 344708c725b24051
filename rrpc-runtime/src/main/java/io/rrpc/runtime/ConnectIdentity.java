package io.rrpc.runtime;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * Makes the client id, username and password for each connection attempt. KEY-mode credentials expire,
 * so every attempt (the first and each reconnect) gets a fresh connid, expiry and signature.
 */
final class ConnectIdentity {
  private static final char[] CONNID_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final DeviceInfo device;
  private final String sdkAppId;
  private final SignatureAlgorithm algorithm;
  private final long validitySeconds;
  private final SecureRandom random = new SecureRandom();

  ConnectIdentity(DeviceInfo device, String sdkAppId, SignatureAlgorithm algorithm, long validityMillis) {
    this.device = device;
    this.sdkAppId = sdkAppId;
    this.algorithm = algorithm;
    this.validitySeconds = Math.max(1, TimeUnit.MILLISECONDS.toSeconds(validityMillis));
  }

  String clientId() {
    return device.productId() + device.deviceName();
  }

  String username() {
    long expiry = System.currentTimeMillis() / 1000 + validitySeconds;
    return Signer.username(device.productId(), device.deviceName(), sdkAppId, connId(), expiry);
  }

  /** The password for {@code username}, or {@code null} in CERT mode (the certificate authenticates). */
  char[] password(String username) {
    if (device.authMode() != AuthMode.KEY) {
      return null;
    }
    return Signer.password(device.deviceSecret(), username, algorithm);
  }

  private String connId() {
    char[] id = new char[5];
    synchronized (random) {
      for (int i = 0; i < id.length; i++) {
        id[i] = CONNID_ALPHABET[random.nextInt(CONNID_ALPHABET.length)];
      }
    }
    return new String(id);
  }
}
