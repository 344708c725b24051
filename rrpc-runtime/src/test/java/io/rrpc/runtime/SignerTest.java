package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The KEY-mode signature, against the vectors of the design brief. */
class SignerTest {
  static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZg==";

  @Test
  void hmacSha1VectorCapturedFromTencentsCSdk() {
    String username = "ABCDEFGHIJairConditioner1;21010406;kvoqn;92233720368547758";
    assertEquals("a674085a8e1d67bb6407a43d6adc83b0129dcef1;hmacsha1",
        new String(Signer.password(SECRET, username, SignatureAlgorithm.HMAC_SHA1)));
  }

  @Test
  void hmacSha256Vector() {
    String username = "ABCDEFGHIJairConditioner1;12010126;kvoqn;1700000600";
    assertEquals("bd556181b02581565cb9e9f7fe10ba8a25dec10a1b03db128ddbbbdef65b65fe;hmacsha256",
        new String(Signer.password(SECRET, username, SignatureAlgorithm.HMAC_SHA256)));
  }

  @Test
  void usernameJoinsClientIdSdkAppIdConnIdAndExpiry() {
    assertEquals("ABCDEFGHIJairConditioner1;12010126;kvoqn;1700000600",
        Signer.username("ABCDEFGHIJ", "airConditioner1", "12010126", "kvoqn", 1700000600L));
  }

  @Test
  void eachConnectionAttemptGetsAFreshConnIdAndAFutureExpiry() {
    DeviceInfo device = DeviceInfo.builder().productId("ABCDEFGHIJ").deviceName("airConditioner1")
        .deviceSecret(SECRET).build();
    ConnectIdentity identity = new ConnectIdentity(device, "12010126", SignatureAlgorithm.HMAC_SHA256,
        TimeUnit.HOURS.toMillis(1));
    assertEquals("ABCDEFGHIJairConditioner1", identity.clientId());

    String first = identity.username();
    String[] parts = first.split(";");
    assertEquals(4, parts.length);
    assertEquals("ABCDEFGHIJairConditioner1", parts[0]);
    assertEquals("12010126", parts[1]);
    assertTrue(parts[2].matches("[A-Za-z0-9]{5}"), parts[2]);
    long expiry = Long.parseLong(parts[3]);
    long now = System.currentTimeMillis() / 1000;
    assertTrue(expiry > now + 3000 && expiry <= now + 3601, "expiry " + expiry + " vs now " + now);

    char[] password = identity.password(first);
    assertEquals(new String(Signer.password(SECRET, first, SignatureAlgorithm.HMAC_SHA256)), new String(password));
    assertTrue(new String(password).endsWith(";hmacsha256"));

    // 62^5 connids: twenty attempts all sharing one would mean the random source is broken.
    java.util.Set<String> connIds = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      connIds.add(identity.username().split(";")[2]);
    }
    assertTrue(connIds.size() > 1, connIds.toString());
  }

  @Test
  void certModeSendsNoPassword() {
    DeviceInfo device = DeviceInfo.builder().productId("ABCDEFGHIJ").deviceName("d1")
        .certificate("dev.crt", "dev.key").build();
    ConnectIdentity identity = new ConnectIdentity(device, "12010126", SignatureAlgorithm.HMAC_SHA256, 60_000);
    assertEquals(null, identity.password(identity.username()));
  }

  @Test
  void theDigestHmacMatchesTheJcaMacForShortAndLongKeys() throws Exception {
    java.util.Random random = new java.util.Random(14);
    for (String[] alg : new String[][] {{"SHA-256", "HmacSHA256"}, {"SHA-1", "HmacSHA1"}}) {
      for (int keyLength : new int[] {1, 16, 63, 64, 65, 200}) {
        byte[] key = new byte[keyLength];
        byte[] message = new byte[keyLength * 3 + 1];
        random.nextBytes(key);
        random.nextBytes(message);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance(alg[1]);
        mac.init(new javax.crypto.spec.SecretKeySpec(key, alg[1]));
        assertArrayEquals(mac.doFinal(message),
            Signer.hmac(java.security.MessageDigest.getInstance(alg[0]), key, message), alg[1] + " key " + keyLength);
      }
    }
  }
}
