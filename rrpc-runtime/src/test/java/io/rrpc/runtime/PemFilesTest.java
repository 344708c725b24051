package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device certificates and keys in the PEM forms Tencent and openssl write, without BouncyCastle. */
class PemFilesTest {

  @Test
  void pkcs1RsaKeyAsTencentIssuesItMatchesItsCertificate() throws Exception {
    PrivateKey key = PemFiles.privateKey(TlsFixtures.file("device-rsa-pkcs1.key"));
    assertEquals("RSA", key.getAlgorithm());
    assertSignsFor(key, certificate("device-rsa.pem").getPublicKey(), "SHA256withRSA");
  }

  @Test
  void pkcs1WrappedIsByteForByteWhatOpensslWritesAsPkcs8() throws Exception {
    byte[] pkcs1 = pemBody("device-rsa-pkcs1.key");
    byte[] pkcs8 = pemBody("device-rsa-pkcs8.key");
    assertArrayEquals(pkcs8, PemFiles.wrapPkcs1(pkcs1));
  }

  @Test
  void pkcs8RsaKey() throws Exception {
    PrivateKey key = PemFiles.privateKey(TlsFixtures.file("device-rsa-pkcs8.key"));
    assertSignsFor(key, certificate("device-rsa.pem").getPublicKey(), "SHA256withRSA");
  }

  @Test
  void sec1EcKeyAfterAnEcParametersBlock() throws Exception {
    PrivateKey sec1 = PemFiles.privateKey(TlsFixtures.file("device-ec-sec1.key"));
    PrivateKey pkcs8 = PemFiles.privateKey(TlsFixtures.file("device-ec-pkcs8.key"));
    assertEquals("EC", sec1.getAlgorithm());
    assertEquals(((ECPrivateKey) pkcs8).getS(), ((ECPrivateKey) sec1).getS());
    assertSignsFor(sec1, certificate("device-ec.pem").getPublicKey(), "SHA256withECDSA");
  }

  @Test
  void encryptedKeyIsRefusedClearly() {
    String file = TlsFixtures.file("device-rsa-encrypted.key");
    IOException e = assertThrows(IOException.class, () -> PemFiles.privateKey(file));
    assertEquals(file + ": encrypted private keys are not supported; decrypt it first", e.getMessage());
  }

  @Test
  void aCertificateIsNotAKey() {
    String file = TlsFixtures.file("device-rsa.pem");
    IOException e = assertThrows(IOException.class, () -> PemFiles.privateKey(file));
    assertEquals(file + ": no PEM private key found", e.getMessage());
  }

  @Test
  void corruptKeyIsReportedWithoutItsContent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("dev.key");
    String body = "MIIEogIBAAKCAQEAoMifEFk4y8V3+EocnnbBcny9gOFg2+jPYycFT++qxTiijpOW";
    Files.write(file, ("-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n")
        .getBytes(StandardCharsets.US_ASCII));
    IOException e = assertThrows(IOException.class, () -> PemFiles.privateKey(file.toString()));
    assertTrue(e.getMessage().startsWith(file + ": malformed"), e.getMessage());
    assertFalse(e.getMessage().contains(body.substring(0, 12)), e.getMessage());
  }

  @Test
  void missingFileNamesIt() {
    IOException e = assertThrows(IOException.class, () -> PemFiles.certificates("/no/such/dev.crt"));
    assertTrue(e.getMessage().startsWith("cannot read /no/such/dev.crt"), e.getMessage());
  }

  @Test
  void pinnedTencentRootShipsWithTheRuntime() throws Exception {
    List<X509Certificate> roots = PemFiles.certificateResource(BrokerEndpoint.TENCENT_ROOT_RESOURCE);
    assertEquals(1, roots.size());
    X509Certificate root = roots.get(0);
    assertTrue(root.getSubjectX500Principal().getName().contains("OU=Tencent Iothub"), root.getSubjectX500Principal().getName());
    byte[] sha256 = java.security.MessageDigest.getInstance("SHA-256").digest(root.getEncoded());
    StringBuilder hex = new StringBuilder();
    for (byte b : sha256) {
      hex.append(String.format("%02X", b));
    }
    assertEquals("3B1FA1E1149E3F3BD3722730DBEF9EB72EC4B9FD95553063A9C60BA62778E740", hex.toString());
  }

  private static X509Certificate certificate(String name) throws IOException {
    return PemFiles.certificates(TlsFixtures.file(name)).get(0);
  }

  private static byte[] pemBody(String name) throws IOException {
    String text = new String(Files.readAllBytes(Paths.get(TlsFixtures.file(name))), StandardCharsets.US_ASCII);
    String body = text.substring(text.indexOf("-----\n") + 6, text.indexOf("-----END"));
    return Base64.getMimeDecoder().decode(body);
  }

  private static void assertSignsFor(PrivateKey key, PublicKey publicKey, String algorithm) throws Exception {
    byte[] data = "rrpc".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(publicKey);
    verifier.update(data);
    assertTrue(verifier.verify(signature), "the key does not match the certificate");
  }
}
