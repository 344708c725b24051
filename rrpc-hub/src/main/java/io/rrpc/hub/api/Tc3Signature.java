package io.rrpc.hub.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TC3-HMAC-SHA256, the request signature of Tencent Cloud API 3.0, computed as Tencent documents it and
 * its SDKs do:
 *
 * <pre>
 * stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date/service/tc3_request + "\n" + hex(sha256(canonicalRequest))
 * kDate = HMAC("TC3" + secretKey, date); kService = HMAC(kDate, service); kSigning = HMAC(kService, "tc3_request")
 * signature = hex(HMAC(kSigning, stringToSign))
 * </pre>
 *
 * where {@code date} is the UTC date ({@code yyyy-MM-dd}) of the timestamp. Stateless.
 */
public final class Tc3Signature {
  /** The algorithm's name, first word of the {@code Authorization} header. */
  static final String ALGORITHM = "TC3-HMAC-SHA256";
  /** The last element of every credential scope. */
  static final String TERMINATOR = "tc3_request";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private Tc3Signature() {}

  /** The UTC date of an epoch-seconds timestamp, as the credential scope carries it. */
  static String date(long timestampSeconds) {
    return DATE.format(Instant.ofEpochSecond(timestampSeconds));
  }

  /**
   * The signature of a canonical request.
   *
   * @param secretKey the SecretKey to sign with
   * @param service the service the credential scope names, e.g. {@code iotcloud}
   * @param timestampSeconds the request's {@code X-TC-Timestamp}, epoch seconds
   * @param canonicalRequest the request as {@link #canonicalRequest} gives it
   * @return the signature, lowercase hex
   */
  public static String sign(String secretKey, String service, long timestampSeconds, String canonicalRequest) {
    String date = date(timestampSeconds);
    String stringToSign = ALGORITHM + "\n" + timestampSeconds + "\n" + date + "/" + service + "/" + TERMINATOR
        + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    byte[] kDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    byte[] kService = hmac(kDate, service);
    byte[] kSigning = hmac(kService, TERMINATOR);
    return hex(hmac(kSigning, stringToSign));
  }

  /**
   * The canonical request of a request whose signed headers are {@code content-type} and {@code host}
   * (what Tencent's SDKs sign), for a body hash as {@link #sha256Hex} gives it.
   *
   * @param method the HTTP method, e.g. {@code POST}
   * @param contentType the {@code Content-Type} header's value
   * @param host the {@code Host} header's value
   * @param payloadSha256Hex the body's hash, lowercase hex
   * @return the canonical request, the input to {@link #sign}
   */
  public static String canonicalRequest(String method, String contentType, String host, String payloadSha256Hex) {
    return method + "\n/\n\ncontent-type:" + contentType + "\nhost:" + host + "\n\ncontent-type;host\n" + payloadSha256Hex;
  }

  /**
   * The {@code Authorization} header for a signature with {@code content-type;host} signed.
   *
   * @param secretId the SecretId the credential names
   * @param service the service the credential scope names
   * @param timestampSeconds the request's {@code X-TC-Timestamp}, epoch seconds
   * @param signature what {@link #sign} returned
   * @return the header's value
   */
  public static String authorization(String secretId, String service, long timestampSeconds, String signature) {
    return ALGORITHM + " Credential=" + secretId + "/" + date(timestampSeconds) + "/" + service + "/" + TERMINATOR
        + ", SignedHeaders=content-type;host, Signature=" + signature;
  }

  /**
   * Lowercase hex SHA-256.
   *
   * @param data the bytes to hash
   * @return the hash, 64 lowercase hex digits
   */
  public static String sha256Hex(byte[] data) {
    try {
      return hex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  private static String hex(byte[] bytes) {
    char[] digits = "0123456789abcdef".toCharArray();
    StringBuilder s = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      s.append(digits[(b >> 4) & 0xF]).append(digits[b & 0xF]);
    }
    return s.toString();
  }
}
