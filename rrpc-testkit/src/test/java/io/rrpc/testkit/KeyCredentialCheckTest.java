package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hub's KEY-login check, against the signing vectors of the design brief and every login Tencent's SDKs make. */
class KeyCredentialCheckTest {
  private static final String SECRET_BASE64 = "MDEyMzQ1Njc4OWFiY2RlZg==";
  private static final byte[] SECRET = Base64.getDecoder().decode(SECRET_BASE64);
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
  void refusesTheRightSignatureUnderTheWrongAlgorithmNameSayingWhichItIs() {
    String sha1SignatureNamedSha256 = SHA1_PASSWORD.replace(";hmacsha1", ";hmacsha256");
    String why = refusal(CLIENT_ID, SHA1_USERNAME, sha1SignatureNamedSha256, SECRET, BEFORE_EXPIRY);
    assertTrue(why.startsWith("password signature does not match: it is an HmacSHA1 of the username but is "
        + "labelled ;hmacsha256"), why);
  }

  @Test
  void refusesUppercaseHex() {
    String upper = SHA256_PASSWORD.substring(0, 64).toUpperCase() + ";hmacsha256";
    String why = refusal(CLIENT_ID, SHA256_USERNAME, upper, SECRET, BEFORE_EXPIRY);
    assertTrue(why.contains("uppercase hex, lowercase hex expected"), why);
  }

  /** Every username Tencent's device SDKs send; the test signs each with both algorithms. */
  static Stream<Arguments> tencentSdkUsernames() {
    long now = System.currentTimeMillis() / 1000;
    return Stream.of(
        Arguments.of("qcloud C SDK default (Long.MAX_VALUE)", "21010406", "9223372036854775807"),
        Arguments.of("tencentcloud C SDK (Long.MAX_VALUE cut short)", "21010406", "92233720368547758"),
        Arguments.of("Java SDK, now + 600 s", "12010126", Long.toString(now + 600)),
        Arguments.of("Java SDK, Integer.MAX_VALUE", "12010126", "2147483647"),
        Arguments.of("Python SDK, now + 3600 s", "21010406", Long.toString(now + 3600)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tencentSdkUsernames")
  void acceptsEveryUsernameTencentsSdksSend(String sdk, String sdkAppId, String expiry) throws Exception {
    String username = CLIENT_ID + ";" + sdkAppId + ";Ab3dE;" + expiry;
    long now = System.currentTimeMillis() / 1000;
    for (String algorithm : new String[] {"hmacsha256", "hmacsha1"}) {
      String password = KeyLogin.password(username, SECRET_BASE64, algorithm);
      assertNull(refusal(CLIENT_ID, username, password, SECRET, now), sdk + " " + algorithm);
    }
  }

  @Test
  void acceptsALoginDuringItsExpirySecond() {
    assertNull(refusal(CLIENT_ID, SHA256_USERNAME, SHA256_PASSWORD, SECRET, 1_700_000_600L));
  }

  @Test
  void refusesAnExpiredLoginSayingWhenItExpiredAndWhatTheHubsClockSays() {
    String why = refusal(CLIENT_ID, SHA256_USERNAME, SHA256_PASSWORD, SECRET, 1_700_000_601L);
    assertEquals("username's expiry 1700000600 (2023-11-14T22:23:20Z) has passed: expected 1700000601 "
        + "(2023-11-14T22:23:21Z, the hub's clock) or later", why);
  }

  @Test
  void refusesAnExpiryBeyondLongMaxValueNamingTheLimit() throws Exception {
    String username = CLIENT_ID + ";21010406;kvoqn;9223372036854775808";
    String why = refusal(CLIENT_ID, username, KeyLogin.password(username, SECRET_BASE64, "hmacsha1"), SECRET, 0);
    assertEquals("username's expiry must be epoch seconds in decimal digits, at most 9223372036854775807, "
        + "was: 9223372036854775808", why);
  }

  @Test
  void aWrongSecretIsReportedAsSuchEvenWhenTheLoginHasAlsoExpired() {
    byte[] other = Base64.getDecoder().decode("ZmVkY2JhOTg3NjU0MzIxMA==");
    String why = refusal(CLIENT_ID, SHA256_USERNAME, SHA256_PASSWORD, other, 1_800_000_000L);
    assertTrue(why.startsWith("password signature does not match the registered device secret"), why);
  }

  @Test
  void aWrongSecretIsReportedAsSuchEvenWhenTheUsernameIsAlsoMalformed() throws Exception {
    String badConnId = CLIENT_ID + ";12010126;kvo-n;1700000600";
    String signedWithAnotherSecret = KeyLogin.password(badConnId, "ZmVkY2JhOTg3NjU0MzIxMA==", "hmacsha256");
    String why = refusal(CLIENT_ID, badConnId, signedWithAnotherSecret, SECRET, BEFORE_EXPIRY);
    assertTrue(why.startsWith("password signature does not match the registered device secret"), why);
  }

  @Test
  void refusesAnUnknownAlgorithm() {
    String md5 = SHA256_PASSWORD.replace(";hmacsha256", ";hmacmd5");
    assertEquals("password must end with ;hmacsha256 or ;hmacsha1, it ends with ;hmacmd5",
        refusal(CLIENT_ID, SHA256_USERNAME, md5, SECRET, BEFORE_EXPIRY));
  }

  @Test
  void aPasswordWithoutALabelIsNotQuoted() {
    String why = refusal(CLIENT_ID, SHA256_USERNAME, "hunter2", SECRET, BEFORE_EXPIRY);
    assertEquals("password must end with ;hmacsha256 or ;hmacsha1, it has no ';'", why);
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
  void refusesMalformedUsernamesThatAreCorrectlySigned() throws Exception {
    assertTrue(signedRefusal(CLIENT_ID + ";12010126;kvoqn").contains("4 fields"));
    assertTrue(signedRefusal(CLIENT_ID + ";12010126;kvoq;1700000600").contains("connid"));
    assertTrue(signedRefusal(CLIENT_ID + ";12010126;kvo-n;1700000600").contains("connid"));
    assertTrue(signedRefusal(CLIENT_ID + ";app;kvoqn;1700000600").contains("sdkappid"));
    assertTrue(signedRefusal(CLIENT_ID + ";12010126;kvoqn;soon").contains("expiry"));
    assertTrue(signedRefusal(CLIENT_ID + ";12010126;kvoqn;-1").contains("expiry"));
    assertTrue(refusal(CLIENT_ID, null, "x;hmacsha256", SECRET, 0).contains("no username"));
  }

  private static String signedRefusal(String username) throws Exception {
    return refusal(CLIENT_ID, username, KeyLogin.password(username, SECRET_BASE64, "hmacsha256"), SECRET, 0);
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
