package io.rrpc.reliability;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every secret the suite hands to a device or sees on the wire: device secrets (base64, and decoded as
 * hex), the passwords devices actually sent (sniffed from their CONNECT packets by the fault proxy),
 * and private keys (each base64 line of the PEM body). No log line or exception may contain one.
 */
final class SuiteSecrets {
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
  static final AtomicInteger DEVICE_SECRETS = new AtomicInteger();
  static final AtomicInteger PASSWORDS = new AtomicInteger();
  static final AtomicInteger PRIVATE_KEYS = new AtomicInteger();

  private SuiteSecrets() {}

  static void deviceSecret(String base64) {
    if (SECRETS.add(base64)) {
      DEVICE_SECRETS.incrementAndGet();
    }
    String hex = hex(Base64.getDecoder().decode(base64));
    SECRETS.add(hex);
    SECRETS.add(hex.toUpperCase(Locale.ROOT));
  }

  /** A KEY-mode password as sent: {@code <hex signature>;hmacsha256}. The signature alone is secret too. */
  static void password(String password) {
    if (SECRETS.add(password)) {
      PASSWORDS.incrementAndGet();
    }
    int semicolon = password.indexOf(';');
    if (semicolon > 0) {
      SECRETS.add(password.substring(0, semicolon));
    }
  }

  /** A PEM private key: every full line of its base64 body (a line is 64 characters of key material). */
  static void privateKey(String pem) {
    PRIVATE_KEYS.incrementAndGet();
    for (String line : pem.split("\n")) {
      String l = line.trim();
      if (!l.startsWith("-----") && l.length() >= 32) {
        SECRETS.add(l);
      }
    }
  }

  static List<String> all() {
    return new ArrayList<>(SECRETS);
  }

  /** The first line containing a secret, the secret masked, or {@code null}. */
  static String findLeak(List<String> lines) {
    List<String> secrets = all();
    for (String line : lines) {
      for (String secret : secrets) {
        if (line.contains(secret)) {
          return line.replace(secret, "<SECRET>");
        }
      }
    }
    return null;
  }

  static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      s.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return s.toString();
  }
}
