package io.rrpc.hub.api;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The SecretId and SecretKey that API requests must be signed with. {@link #toString()} shows the
 * SecretId only. Immutable.
 */
public final class ApiCredentials {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final String secretId;
  private final String secretKey;

  private ApiCredentials(String secretId, String secretKey) {
    this.secretId = secretId;
    this.secretKey = secretKey;
  }

  /**
   * Given credentials.
   *
   * @param secretId the SecretId, e.g. {@code AKID...}
   * @param secretKey the SecretKey
   * @return the credentials
   * @throws NullPointerException when either is null
   * @throws IllegalArgumentException when either is empty, or the SecretId holds {@code /}, {@code ,} or
   *     whitespace (it could not be read back from an {@code Authorization} header)
   */
  public static ApiCredentials of(String secretId, String secretKey) {
    Objects.requireNonNull(secretId, "secretId");
    Objects.requireNonNull(secretKey, "secretKey");
    if (secretId.isEmpty() || secretKey.isEmpty()) {
      throw new IllegalArgumentException("the SecretId and the SecretKey must not be empty");
    }
    for (char c : secretId.toCharArray()) {
      if (c == '/' || c == ',' || Character.isWhitespace(c)) {
        throw new IllegalArgumentException("the SecretId must not contain '/', ',' or whitespace: " + secretId);
      }
    }
    return new ApiCredentials(secretId, secretKey);
  }

  /**
   * Fresh random credentials shaped like Tencent's: {@code AKID} and 32 characters, a 32-character key.
   *
   * @return new credentials from a {@link SecureRandom}
   */
  public static ApiCredentials generate() {
    return new ApiCredentials("AKID" + random(32), random(32));
  }

  /**
   * The SecretId, which requests name in their {@code Credential}.
   *
   * @return the SecretId
   */
  public String secretId() {
    return secretId;
  }

  /**
   * The SecretKey, which signs requests: never log it.
   *
   * @return the SecretKey
   */
  public String secretKey() {
    return secretKey;
  }

  @Override
  public String toString() {
    return "ApiCredentials{secretId=" + secretId + ", secretKey=<redacted>}";
  }

  private static String random(int length) {
    char[] s = new char[length];
    for (int i = 0; i < length; i++) {
      s[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
    }
    return new String(s);
  }
}
