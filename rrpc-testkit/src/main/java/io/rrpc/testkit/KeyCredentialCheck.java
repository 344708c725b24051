package io.rrpc.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a KEY-mode login the way Tencent's hub does. Written independently of the runtime's signer
 * on purpose: a signing bug in the runtime must show up as a refused connection here, not be mirrored.
 *
 * <ul>
 *   <li>clientId: {@code {productId}{deviceName}} of a registered device;
 *   <li>username: {@code {productId}{deviceName};{sdkappid};{connid};{expiry}} with the clientId as its
 *       first field, a numeric sdkappid, a connid of 5 characters of [A-Za-z0-9] and a numeric expiry
 *       (epoch seconds) still in the future;
 *   <li>password: {@code hex(HMAC(base64decode(deviceSecret), username))} in lowercase, followed by
 *       {@code ;hmacsha256} or {@code ;hmacsha1}.
 * </ul>
 *
 * Refusal reasons name the field at fault and never quote the password or the secret.
 */
final class KeyCredentialCheck {
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
    String[] fields = username.split(";", -1);
    if (fields.length != 4) {
      return "username must have 4 fields {productId}{deviceName};{sdkappid};{connid};{expiry}, was: " + username;
    }
    if (!fields[0].equals(clientId)) {
      return "username's first field " + fields[0] + " is not the clientId " + clientId;
    }
    if (!isDigits(fields[1])) {
      return "username's sdkappid must be numeric, was: " + fields[1];
    }
    if (!isConnId(fields[2])) {
      return "username's connid must be 5 characters of [A-Za-z0-9], was: " + fields[2];
    }
    if (!isDigits(fields[3]) || fields[3].length() > 18) {
      return "username's expiry must be epoch seconds, was: " + fields[3];
    }
    long expiry = Long.parseLong(fields[3]);
    if (expiry <= nowEpochSeconds) {
      return "username's expiry " + expiry + " has passed (now " + nowEpochSeconds + ")";
    }
    if (password == null) {
      return "no password";
    }
    String pw = new String(password, StandardCharsets.UTF_8);
    int semicolon = pw.lastIndexOf(';');
    String algorithm = semicolon < 0 ? "" : pw.substring(semicolon + 1);
    String macName;
    if (algorithm.equals("hmacsha256")) {
      macName = "HmacSHA256";
    } else if (algorithm.equals("hmacsha1")) {
      macName = "HmacSHA1";
    } else {
      return "password must end with ;hmacsha256 or ;hmacsha1";
    }
    byte[] expected = hex(hmac(macName, secret, username)).getBytes(StandardCharsets.US_ASCII);
    byte[] given = pw.substring(0, semicolon).getBytes(StandardCharsets.UTF_8);
    // Constant-time, so that the check cannot be used to guess a signature byte by byte.
    if (!MessageDigest.isEqual(expected, given)) {
      return "password signature does not match the device secret (" + algorithm + ", lowercase hex expected)";
    }
    return null;
  }

  private static byte[] hmac(String macName, byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(macName);
      mac.init(new SecretKeySpec(key, macName));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(macName + " is part of every JRE", e);
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
