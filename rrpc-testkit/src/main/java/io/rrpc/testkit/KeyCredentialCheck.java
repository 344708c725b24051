package io.rrpc.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a KEY-mode login the way Tencent's hub does. Written independently of the runtime's signer
 * on purpose: a signing bug in the runtime must show up as a refused connection here, not be mirrored.
 *
 * <ul>
 *   <li>clientId: {@code {productId}{deviceName}} of a registered device;
 *   <li>password: {@code hex(HMAC(base64decode(deviceSecret), username))} in lowercase, followed by
 *       {@code ;hmacsha256} or {@code ;hmacsha1};
 *   <li>username: {@code {productId}{deviceName};{sdkappid};{connid};{expiry}} with the clientId as its
 *       first field, a numeric sdkappid (Tencent's Java SDK sends 12010126, its C and Python SDKs
 *       21010406), a connid of 5 characters of [A-Za-z0-9] and an expiry in epoch seconds that has not
 *       passed. Every expiry Tencent's SDKs send is accepted, up to {@value #MAX_EXPIRY} (the qcloud C SDK's
 *       default, {@code Long.MAX_VALUE}; the tencentcloud C SDK sends it cut to 92233720368547758).
 * </ul>
 *
 * <p>The signature is checked first, right after the device is found: it covers the whole username, so
 * a device with the wrong secret is told so even when its username is also malformed or expired,
 * instead of being sent to fix a field and failing again.
 *
 * <p><b>Expiry.</b> A login is expired when its expiry second is before the hub's clock second
 * ({@code expiry < now}); a login whose expiry is the current second is still accepted. Tencent's hub
 * refuses an expiry in the past; it keeps no session open past it either way, since the check runs at
 * CONNECT only.
 *
 * <p>Refusal reasons name the field at fault, say what was expected and what was seen, and never quote
 * the password, its signature or the secret. The MQTT protocol level (3.1 or 3.1.1) does not matter here.
 */
final class KeyCredentialCheck {
  /** The largest expiry a login can carry: {@code Long.MAX_VALUE}, Tencent's qcloud C SDK's default. */
  static final String MAX_EXPIRY = "9223372036854775807";

  private KeyCredentialCheck() {}

  /**
   * @param secret the registered device's decoded secret, or {@code null} when no device has this clientId
   * @param nowEpochSeconds the hub's clock
   * @return {@code null} when the login is valid, else why it is refused
   */
  static String refusal(String clientId, String username, byte[] password, byte[] secret, long nowEpochSeconds) {
    if (secret == null) {
      return "no registered device has clientId " + clientId;
    }
    if (username == null) {
      return "no username: a KEY login needs {productId}{deviceName};{sdkappid};{connid};{expiry}";
    }
    String signatureProblem = signatureRefusal(username, password, secret);
    if (signatureProblem != null) {
      return signatureProblem;
    }
    return usernameRefusal(clientId, username, nowEpochSeconds);
  }

  /** Whether the password is the username's HMAC under the secret, in the form Tencent's SDKs send. */
  private static String signatureRefusal(String username, byte[] password, byte[] secret) {
    if (password == null) {
      return "no password: a KEY login needs hex(HMAC(deviceSecret, username)) followed by ;hmacsha256 or ;hmacsha1";
    }
    String pw = new String(password, StandardCharsets.UTF_8);
    int semicolon = pw.lastIndexOf(';');
    String label = semicolon < 0 ? null : pw.substring(semicolon + 1);
    Algorithm claimed = Algorithm.named(label);
    if (claimed == null) {
      return "password must end with ;hmacsha256 or ;hmacsha1, " + describeLabel(label);
    }
    String given = pw.substring(0, semicolon);
    String expected = hex(hmac(claimed, secret, username));
    // Constant-time, so that the check cannot be used to guess a signature byte by byte.
    if (MessageDigest.isEqual(ascii(expected), ascii(given))) {
      return null;
    }
    if (MessageDigest.isEqual(ascii(expected), ascii(given.toLowerCase(Locale.ROOT)))) {
      return "password signature does not match: it is the right " + claimed.macName
          + " in uppercase hex, lowercase hex expected";
    }
    Algorithm other = claimed.other();
    if (MessageDigest.isEqual(ascii(hex(hmac(other, secret, username))), ascii(given))) {
      return "password signature does not match: it is an " + other.macName + " of the username but is labelled ;"
          + claimed.label + " (expected ;" + other.label + ", or an " + claimed.macName + ")";
    }
    if (given.length() != expected.length()) {
      return "password signature does not match: " + claimed.macName + " in hex has " + expected.length()
          + " characters, the signature before ;" + claimed.label + " has " + given.length();
    }
    return "password signature does not match the registered device secret (" + claimed.label
        + " of the username, lowercase hex expected): the device signs with another secret, or signs other text"
        + " than the username it sent";
  }

  /** The username's fields, once its signature is known to be right. */
  private static String usernameRefusal(String clientId, String username, long nowEpochSeconds) {
    String[] fields = username.split(";", -1);
    if (fields.length != 4) {
      return "username must have 4 fields {productId}{deviceName};{sdkappid};{connid};{expiry}, has "
          + fields.length + ": " + username;
    }
    if (!fields[0].equals(clientId)) {
      return "username's first field " + fields[0] + " is not the clientId " + clientId;
    }
    if (!isDigits(fields[1])) {
      return "username's sdkappid must be decimal digits (12010126 or 21010406 from Tencent's SDKs), was: "
          + fields[1];
    }
    if (!isConnId(fields[2])) {
      return "username's connid must be 5 characters of [A-Za-z0-9], was: " + fields[2];
    }
    String expiryText = fields[3];
    if (!isDigits(expiryText) || !fitsInLong(expiryText)) {
      return "username's expiry must be epoch seconds in decimal digits, at most " + MAX_EXPIRY + ", was: "
          + expiryText;
    }
    long expiry = Long.parseLong(expiryText);
    if (expiry < nowEpochSeconds) {
      return "username's expiry " + expiry + " (" + Instant.ofEpochSecond(expiry) + ") has passed: expected "
          + nowEpochSeconds + " (" + Instant.ofEpochSecond(nowEpochSeconds) + ", the hub's clock) or later";
    }
    return null;
  }

  /** Says what followed the password's last {@code ;} without quoting anything that could be the signature. */
  private static String describeLabel(String label) {
    if (label == null) {
      return "it has no ';'";
    }
    if (label.isEmpty()) {
      return "it ends with an empty label ';'";
    }
    if (label.length() <= 16 && label.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
      return "it ends with ;" + label;
    }
    return "it ends with a " + label.length() + "-character label that is neither";
  }

  /** The two signatures Tencent's SDKs send. */
  private enum Algorithm {
    SHA256("hmacsha256", "HmacSHA256"),
    SHA1("hmacsha1", "HmacSHA1");

    final String label;
    final String macName;

    Algorithm(String label, String macName) {
      this.label = label;
      this.macName = macName;
    }

    static Algorithm named(String label) {
      for (Algorithm a : values()) {
        if (a.label.equals(label)) {
          return a;
        }
      }
      return null;
    }

    Algorithm other() {
      return this == SHA256 ? SHA1 : SHA256;
    }
  }

  private static byte[] hmac(Algorithm algorithm, byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(algorithm.macName);
      mac.init(new SecretKeySpec(key, algorithm.macName));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm.macName + " is part of every JRE", e);
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(byte[] bytes) {
    char[] digits = "0123456789abcdef".toCharArray();
    StringBuilder s = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      s.append(digits[(b >> 4) & 0xF]).append(digits[b & 0xF]);
    }
    return s.toString();
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** For decimal digits: whether the number is at most {@link #MAX_EXPIRY}, leading zeros allowed. */
  private static boolean fitsInLong(String digits) {
    String s = digits.replaceFirst("^0+(?=.)", "");
    return s.length() < MAX_EXPIRY.length() || (s.length() == MAX_EXPIRY.length() && s.compareTo(MAX_EXPIRY) <= 0);
  }

  private static boolean isConnId(String s) {
    if (s.length() != 5) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
