package io.rrpc.runtime.it;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret the suite uses: device secrets in base64 and decoded (as hex), and every password a test
 * broker saw. {@link NoSecretsInLogs} fails any test class that logged one of them.
 */
final class TestSecrets {
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  /** The design brief's vector secret. */
  static final String VECTOR_SECRET = "MDEyMzQ1Njc4OWFiY2RlZg==";
  /** A fresh random device secret for the device tests of this run. */
  static final String DEVICE_SECRET;

  static {
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    DEVICE_SECRET = Base64.getEncoder().encodeToString(key);
    registerDeviceSecret(VECTOR_SECRET);
    registerDeviceSecret(DEVICE_SECRET);
  }

  private TestSecrets() {}

  static void registerDeviceSecret(String base64) {
    SECRETS.add(base64);
    byte[] decoded = Base64.getDecoder().decode(base64);
    SECRETS.add(hex(decoded));
    SECRETS.add(hex(decoded).toUpperCase(java.util.Locale.ROOT));
  }

  /** A password a broker received: the whole string and its signature part. */
  static void registerPassword(String password) {
    SECRETS.add(password);
    int semicolon = password.indexOf(';');
    if (semicolon > 0) {
      SECRETS.add(password.substring(0, semicolon));
    }
  }

  static List<String> all() {
    return new ArrayList<>(SECRETS);
  }

  static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02x", b));
    }
    return s.toString();
  }
}
