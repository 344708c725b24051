package io.rrpc.runtime;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Tencent's KEY-mode MQTT credentials: the username {@code {productId}{deviceName};{sdkappid};{connid};
 * {expiry}} and the password {@code hex(HMAC(base64decode(secret), username))} with an algorithm
 * suffix.
 */
final class Signer {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int BLOCK_BYTES = 64;

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
    byte[] digest = null;
    try {
      digest = hmac(MessageDigest.getInstance(algorithm.digestName), key, username.getBytes(StandardCharsets.UTF_8));
      char[] out = new char[digest.length * 2 + algorithm.suffix.length()];
      for (int i = 0; i < digest.length; i++) {
        out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
        out[2 * i + 1] = HEX[digest[i] & 0xF];
      }
      algorithm.suffix.getChars(0, algorithm.suffix.length(), out, digest.length * 2);
      return out;
    } catch (GeneralSecurityException e) {
      // Every Java 8 and Android runtime has SHA-1 and SHA-256; this is a broken JCA setup, and the
      // message of such an exception names the algorithm, never the key.
      throw new IllegalStateException("cannot compute " + algorithm.jcaName + ": " + e.getClass().getName(), e);
    } finally {
      Arrays.fill(key, (byte) 0);
      if (digest != null) {
        Arrays.fill(digest, (byte) 0);
      }
    }
  }

  /**
   * HMAC (RFC 2104) on a plain digest rather than {@code javax.crypto.Mac}: the first {@code
   * Mac.getInstance} loads the JCE provider framework, about 0.7 MB of heap that a device keeps for its
   * lifetime to sign one username per connect. SHA-1 and SHA-256 both have 64-byte blocks.
   */
  static byte[] hmac(MessageDigest md, byte[] key, byte[] message) {
    byte[] block = new byte[BLOCK_BYTES];
    byte[] k = key.length > BLOCK_BYTES ? md.digest(key) : key;
    System.arraycopy(k, 0, block, 0, k.length);
    if (k != key) {
      Arrays.fill(k, (byte) 0);
    }
    for (int i = 0; i < BLOCK_BYTES; i++) {
      block[i] ^= 0x36;
    }
    md.update(block);
    byte[] inner = md.digest(message);
    for (int i = 0; i < BLOCK_BYTES; i++) {
      block[i] ^= 0x36 ^ 0x5c;
    }
    md.update(block);
    byte[] mac = md.digest(inner);
    Arrays.fill(block, (byte) 0);
    Arrays.fill(inner, (byte) 0);
    return mac;
  }
}
