package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The hub's KEY-login check, against the signing vectors of the design brief. */
class KeyCredentialCheckTest {
  private static final byte[] SECRET = Base64.getDecoder().decode("MDEyMzQ1Njc4OWFiY2RlZg==");
  private static final String CLIENT_ID = "ABCDEFGHIJairConditioner1";
  private static final String SHA1_USERNAME = "ABCDEFGHIJairConditioner1;21010406;kvoqn;92233720368547758";
  private static final String SHA1_PASSWORD = "a674085a8e1d67bb6407a43d6adc83b0129dcef1;hmacsha1";
  private static final String SHA256_USERNAME = "ABCDEFGHIJairConditioner1;12010126;kvoqn;1700000600";
  private static final String SHA256_PASSWORD =
      "bd556181b02581565cb9e9f7fe10ba8a25dec10a1b03db128ddbbbdef65b65fe;hmacsha256";
  private static final long BEFORE_EXPIRY = 1_700_000_000L;

  private static String refusal(String clientId, String username, String password, byte[] secret, long now) {
    byte[] pw = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
    return KeyCredentialCheck.refusal(clientId, username, pw, secret, now);
  }

  @Test
  void acceptsTheHmacSha1VectorCapturedFromTencentsCSdk() {
    assertNull(refusal(CLIENT_ID, SHA1_USERNAME, SHA1_PASSWORD, SECRET, BEFORE_EXPIRY));
  }

  @Test
  void acceptsTheHmacSha256Vector() {
    assertNull(refusal(CLIENT_ID, SHA256_USERNAME, SHA256_PASSWORD, SECRET, BEFORE_EXPIRY));
  }

  @Test
  void refusesASignatureMadeWithAnotherSecret() {
    byte[] other = Base64.getDecoder().decode("ZmVkY2JhOTg3NjU0MzIxMA==");
    assertTrue(refusal(CLIENT_ID, SHA256_USERNAME, SHA256_PASSWORD, other, BEFORE_EXPIRY)
        .contains("signature does not match"));
  }

  @Test
  void refusesTheRightSignatureUnderTheWrongAlgorithmName() {
    String sha1SignatureNamedSha256 = SHA1_PASSWORD.replace(";hmacsha1", ";hmacsha256");
    assertTrue(refusal(CLIENT_ID, SHA1_USERNAME, sha1SignatureNamedSha256, SECRET, BEFORE_EXPIRY)
        .contains("signature does not match"));
  }

  @Test
  void refusesUppercaseHex() {
    String upper = SHA256_PASSWORD.substring(0, 64).toUpperCase() + ";hmacsha256";
    assertTrue(refusal(CLIENT_ID, SHA256_USERNAME, upper, SECRET, BEFORE_EXPIRY).contains("lowercase hex"));
  }

  @Test
  void refusesAnExpiredLogin() {
    String why = refusal(CLIENT_ID, SHA256_USERNAME, SHA256_PASSWORD, SECRET, 1_700_000_600L);
    assertTrue(why.contains("has passed"), why);
  }

  @Test
  void refusesAnUnknownAlgorithm() {
    String md5 = SHA256_PASSWORD.replace(";hmacsha256", ";hmacmd5");
    assertTrue(refusal(CLIENT_ID, SHA256_USERNAME, md5, SECRET, BEFORE_EXPIRY).contains(";hmacsha256 or ;hmacsha1"));
  }

  @Test
  void refusesAClientIdThatIsNotTheUsernamesFirstField() {
    assertTrue(refusal("ABCDEFGHIJother", SHA256_USERNAME, SHA256_PASSWORD, SECRET, BEFORE_EXPIRY)
        .contains("is not the clientId"));
  }

  @Test
  void refusesAnUnregisteredDevice() {
    assertTrue(refusal(CLIENT_ID, SHA256_USERNAME, SHA256_PASSWORD, null, BEFORE_EXPIRY)
        .contains("no registered device"));
  }

  @Test
  void refusesMalformedUsernames() {
    assertTrue(refusal(CLIENT_ID, CLIENT_ID + ";12010126;kvoqn", "x;hmacsha256", SECRET, 0).contains("4 fields"));
    assertTrue(refusal(CLIENT_ID, CLIENT_ID + ";12010126;kvoq;1700000600", "x;hmacsha256", SECRET, 0)
        .contains("connid"));
    assertTrue(refusal(CLIENT_ID, CLIENT_ID + ";12010126;kvo-n;1700000600", "x;hmacsha256", SECRET, 0)
        .contains("connid"));
    assertTrue(refusal(CLIENT_ID, CLIENT_ID + ";app;kvoqn;1700000600", "x;hmacsha256", SECRET, 0)
        .contains("sdkappid"));
    assertTrue(refusal(CLIENT_ID, CLIENT_ID + ";12010126;kvoqn;soon", "x;hmacsha256", SECRET, 0).contains("expiry"));
    assertTrue(refusal(CLIENT_ID, null, "x;hmacsha256", SECRET, 0).contains("no username"));
  }

  @Test
  void neverQuotesThePassword() {
    String wrong = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef;hmacsha256";
    String why = refusal(CLIENT_ID, SHA256_USERNAME, wrong, SECRET, BEFORE_EXPIRY);
    assertTrue(!why.contains("0123456789abcdef") && !why.contains(SHA256_PASSWORD.substring(0, 16)), why);
  }

  @Test
  void theTestSignerAgreesWithTheVectors() throws Exception {
    String secret = "MDEyMzQ1Njc4OWFiY2RlZg==";
    assertEquals(SHA1_PASSWORD, KeyLogin.password(SHA1_USERNAME, secret, "hmacsha1"));
    assertEquals(SHA256_PASSWORD, KeyLogin.password(SHA256_USERNAME, secret, "hmacsha256"));
  }
}
