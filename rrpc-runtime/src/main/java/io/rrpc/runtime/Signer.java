package io.rrpc.runtime;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tencent's KEY-mode MQTT credentials: the username {@code {productId}{deviceName};{sdkappid};{connid};
 * {expiry}} and the password {@code hex(HMAC(base64decode(secret), username))} with an algorithm
 * suffix.
 */
final class Signer {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Signer() {}

  static String username(String productId, String deviceName, String sdkAppId, String connId, long expiryEpochSeconds) {
    return productId + deviceName + ';' + sdkAppId + ';' + connId + ';' + expiryEpochSeconds;
  }

  /**
   * The password for {@code username}. The caller owns the returned array and should clear it when
   * the connection attempt is done.
   */
  static char[] password(String base64Secret, String username, SignatureAlgorithm algorithm) {
    byte[] key = Base64Decoding.decode(base64Secret);
    try {
      Mac mac = Mac.getInstance(algorithm.jcaName);
      mac.init(new SecretKeySpec(key, algorithm.jcaName));
      byte[] digest = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
      char[] out = new char[digest.length * 2 + algorithm.suffix.length()];
      for (int i = 0; i < digest.length; i++) {
        out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
        out[2 * i + 1] = HEX[digest[i] & 0xF];
      }
      algorithm.suffix.getChars(0, algorithm.suffix.length(), out, digest.length * 2);
      Arrays.fill(digest, (byte) 0);
      return out;
    } catch (GeneralSecurityException e) {
      // Every Java 8 and Android runtime has both HMACs; this is a broken JCA setup, and the message
      // of such an exception names the algorithm, never the key.
      throw new IllegalStateException("cannot compute " + algorithm.jcaName + ": " + e.getClass().getName(), e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}
