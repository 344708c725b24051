package io.rrpc.runtime;

import io.moquette.broker.security.IAuthenticator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a CONNECT the way Tencent's hub does for KEY mode, computed independently of the runtime's
 * signer: client id {@code {productId}{deviceName}}, username {@code {clientId};{sdkappid};{connid};
 * {expiry}} with an expiry in the future, and password {@code hex(HMAC(base64decode(secret),
 * username));hmacsha256} (or sha1). Every password it sees is registered as a secret for the log check.
 */
final class TencentStyleAuthenticator implements IAuthenticator {
  final List<String> usernames = new CopyOnWriteArrayList<>();
  final List<String> rejections = new CopyOnWriteArrayList<>();
  private final String secret;
  private final String sdkAppId;

  TencentStyleAuthenticator(String secret, String sdkAppId) {
    this.secret = secret;
    this.sdkAppId = sdkAppId;
  }

  @Override
  public boolean checkValid(String clientId, String username, byte[] password) {
    String pw = password == null ? "" : new String(password, StandardCharsets.UTF_8);
    TestSecrets.registerPassword(pw);
    usernames.add(username);
    String expectedClientId = TestDevices.PRODUCT_ID + TestDevices.DEVICE_NAME;
    if (!expectedClientId.equals(clientId)) {
      return reject("client id " + clientId);
    }
    String[] parts = username == null ? new String[0] : username.split(";");
    if (parts.length != 4 || !parts[0].equals(expectedClientId) || !parts[1].equals(sdkAppId)
        || !parts[2].matches("[A-Za-z0-9]{5}") || Long.parseLong(parts[3]) <= System.currentTimeMillis() / 1000) {
      return reject("username " + username);
    }
    String algorithm = pw.endsWith(";hmacsha256") ? "HmacSHA256" : pw.endsWith(";hmacsha1") ? "HmacSHA1" : null;
    if (algorithm == null) {
      return reject("password suffix");
    }
    String expected = hmacHex(algorithm, username) + pw.substring(pw.indexOf(';'));
    return expected.equals(pw) || reject("signature");
  }

  private boolean reject(String why) {
    rejections.add(why);
    return false;
  }

  private String hmacHex(String algorithm, String data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), algorithm));
      return TestSecrets.hex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
