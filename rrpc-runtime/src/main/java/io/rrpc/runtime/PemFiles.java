package io.rrpc.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads certificates and unencrypted private keys from PEM files without BouncyCastle. Keys may be
 * PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}, which Tencent's console issues) or
 * SEC1 EC ({@code EC PRIVATE KEY}); the latter two are wrapped into PKCS#8 for the JCA. Error messages
 * name the file, never its content.
 */
final class PemFiles {
  private PemFiles() {}

  static List<X509Certificate> certificates(String file) throws IOException {
    byte[] bytes = read(file);
    try {
      List<X509Certificate> out = new ArrayList<>();
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (java.security.cert.Certificate c : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IOException(file + ": no certificate found");
      }
      return out;
    } catch (CertificateException e) {
      throw new IOException(file + ": not a valid PEM certificate (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** Reads a certificate bundle from a classpath resource next to this class. */
  static List<X509Certificate> certificateResource(String name) throws IOException {
    try (java.io.InputStream in = PemFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("resource " + name + " is missing from rrpc-runtime");
      }
      List<X509Certificate> out = new ArrayList<>();
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (java.security.cert.Certificate c : factory.generateCertificates(in)) {
        out.add((X509Certificate) c);
      }
      return out;
    } catch (CertificateException e) {
      throw new IOException("resource " + name + ": not a valid certificate", e);
    }
  }

  static PrivateKey privateKey(String file) throws IOException {
    byte[] bytes = read(file);
    String text = new String(bytes, StandardCharsets.US_ASCII);
    Arrays.fill(bytes, (byte) 0);
    Block block = Block.find(text, file);
    byte[] der = null;
    byte[] pkcs8 = null;
    try {
      der = block.decode(file);
      switch (block.label) {
        case "PRIVATE KEY":
          pkcs8 = der;
          break;
        case "RSA PRIVATE KEY":
          pkcs8 = wrapPkcs1(der);
          break;
        case "EC PRIVATE KEY":
          pkcs8 = wrapSec1(der, file);
          break;
        case "ENCRYPTED PRIVATE KEY":
          throw new IOException(file + ": encrypted private keys are not supported; decrypt it first");
        default:
          throw new IOException(file + ": no private key found (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
      }
      return decodePkcs8(pkcs8, file);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": malformed private key");
    } finally {
      if (der != null) {
        Arrays.fill(der, (byte) 0);
      }
      if (pkcs8 != null && pkcs8 != der) {
        Arrays.fill(pkcs8, (byte) 0);
      }
    }
  }

  private static PrivateKey decodePkcs8(byte[] pkcs8, String file) throws IOException {
    Der.Tlv[] parts = Der.read(pkcs8, 0, pkcs8.length).children();
    if (parts.length < 3 || parts[1].tag != Der.SEQUENCE) {
      throw new IOException(file + ": malformed private key");
    }
    byte[] oid = parts[1].children()[0].content();
    String algorithm = Arrays.equals(oid, Der.OID_RSA) ? "RSA" : Arrays.equals(oid, Der.OID_EC) ? "EC" : null;
    if (algorithm == null) {
      throw new IOException(file + ": unsupported key algorithm (RSA and EC are supported)");
    }
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      // The JCA's messages describe structure, not key material, but keep only the class name.
      throw new IOException(file + ": malformed " + algorithm + " private key (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** PKCS#8 PrivateKeyInfo { version 0, rsaEncryption with NULL parameters, the PKCS#1 key }. */
  static byte[] wrapPkcs1(byte[] pkcs1) {
    return Der.element(Der.SEQUENCE,
        Der.element(Der.INTEGER, new byte[] {0}),
        Der.element(Der.SEQUENCE, Der.element(Der.OID, Der.OID_RSA), Der.element(Der.NULL)),
        Der.element(Der.OCTET_STRING, pkcs1));
  }

  /** PKCS#8 PrivateKeyInfo { version 0, id-ecPublicKey with the SEC1 key's named curve, the SEC1 key }. */
  static byte[] wrapSec1(byte[] sec1, String file) throws IOException {
    byte[] curve = null;
    for (Der.Tlv part : Der.read(sec1, 0, sec1.length).children()) {
      if (part.tag == Der.CONTEXT_0) {
        Der.Tlv oid = part.children()[0];
        if (oid.tag == Der.OID) {
          curve = oid.content();
        }
      }
    }
    if (curve == null) {
      throw new IOException(file + ": EC private key without a named curve");
    }
    return Der.element(Der.SEQUENCE,
        Der.element(Der.INTEGER, new byte[] {0}),
        Der.element(Der.SEQUENCE, Der.element(Der.OID, Der.OID_EC), Der.element(Der.OID, curve)),
        Der.element(Der.OCTET_STRING, sec1));
  }

  private static byte[] read(String file) throws IOException {
    try {
      return FileBytes.read(new java.io.File(file));
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** The first PEM block that holds a key (openssl may put {@code EC PARAMETERS} before it). */
  private static final class Block {
    final String label;
    final String body;

    private Block(String label, String body) {
      this.label = label;
      this.body = body;
    }

    static Block find(String text, String file) throws IOException {
      int from = 0;
      while (true) {
        int begin = text.indexOf("-----BEGIN ", from);
        if (begin < 0) {
          throw new IOException(file + ": no PEM private key found");
        }
        int labelEnd = text.indexOf("-----", begin + 11);
        if (labelEnd < 0) {
          throw new IOException(file + ": malformed PEM");
        }
        String label = text.substring(begin + 11, labelEnd);
        String end = "-----END " + label + "-----";
        int endAt = text.indexOf(end, labelEnd);
        if (endAt < 0) {
          throw new IOException(file + ": PEM block " + label + " has no END line");
        }
        if (label.endsWith("PRIVATE KEY")) {
          return new Block(label, text.substring(labelEnd + 5, endAt));
        }
        from = endAt + end.length();
      }
    }

    byte[] decode(String file) throws IOException {
      if (body.contains("ENCRYPTED")) {
        throw new IOException(file + ": encrypted private keys are not supported; decrypt it first");
      }
      try {
        return Base64Decoding.decodeMime(body.trim());
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": malformed PEM base64");
      }
    }
  }
}
