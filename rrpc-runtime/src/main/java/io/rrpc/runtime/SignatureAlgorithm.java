package io.rrpc.runtime;

/**
 * The HMAC that signs the MQTT password in {@link AuthMode#KEY} mode.
 *
 * <p>Immutable and thread-safe, like every enum.
 */
public enum SignatureAlgorithm {
  /** HMAC-SHA256, suffix {@code ;hmacsha256}; the default, and what current Tencent SDKs use. */
  HMAC_SHA256("HmacSHA256", "SHA-256", ";hmacsha256"),
  /** HMAC-SHA1, suffix {@code ;hmacsha1}; what older Tencent SDKs use. */
  HMAC_SHA1("HmacSHA1", "SHA-1", ";hmacsha1");

  final String jcaName;
  /** The hash under the HMAC, as {@code MessageDigest} names it. */
  final String digestName;
  final String suffix;

  SignatureAlgorithm(String jcaName, String digestName, String suffix) {
    this.jcaName = jcaName;
    this.digestName = digestName;
    this.suffix = suffix;
  }
}
