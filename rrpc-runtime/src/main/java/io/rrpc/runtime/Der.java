package io.rrpc.runtime;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The few DER operations that turning PKCS#1 and SEC1 keys into PKCS#8 needs: reading a TLV and
 * writing one. Not a general ASN.1 library.
 */
final class Der {
  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OID = 0x06;
  static final int SEQUENCE = 0x30;
  /** {@code [0]} constructed, the parameters of a SEC1 EC key. */
  static final int CONTEXT_0 = 0xA0;

  /** rsaEncryption, 1.2.840.113549.1.1.1. */
  static final byte[] OID_RSA = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
  /** id-ecPublicKey, 1.2.840.10045.2.1. */
  static final byte[] OID_EC = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

  private Der() {}

  /** One element read from a buffer: its tag and where its content lies. */
  static final class Tlv {
    final int tag;
    final byte[] buffer;
    final int contentStart;
    final int contentEnd;

    Tlv(int tag, byte[] buffer, int contentStart, int contentEnd) {
      this.tag = tag;
      this.buffer = buffer;
      this.contentStart = contentStart;
      this.contentEnd = contentEnd;
    }

    byte[] content() {
      return Arrays.copyOfRange(buffer, contentStart, contentEnd);
    }

    /** The elements inside a constructed element. */
    Tlv[] children() {
      java.util.List<Tlv> out = new java.util.ArrayList<>();
      int pos = contentStart;
      while (pos < contentEnd) {
        Tlv child = read(buffer, pos, contentEnd);
        out.add(child);
        pos = child.contentEnd;
      }
      return out.toArray(new Tlv[0]);
    }
  }

  /** Reads the element starting at {@code pos}; throws {@link IllegalArgumentException} if malformed. */
  static Tlv read(byte[] buffer, int pos, int limit) {
    if (pos + 2 > limit) {
      throw new IllegalArgumentException("truncated DER");
    }
    int tag = buffer[pos] & 0xFF;
    int len = buffer[pos + 1] & 0xFF;
    int start = pos + 2;
    if (len >= 0x80) {
      int n = len & 0x7F;
      if (n == 0 || n > 3 || start + n > limit) {
        throw new IllegalArgumentException("unsupported DER length");
      }
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (buffer[start + i] & 0xFF);
      }
      start += n;
    }
    if (start + len > limit) {
      throw new IllegalArgumentException("truncated DER");
    }
    return new Tlv(tag, buffer, start, start + len);
  }

  /** Writes one element with the given tag around {@code parts}, concatenated. */
  static byte[] element(int tag, byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) {
      len += p.length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(len + 6);
    out.write(tag);
    if (len < 0x80) {
      out.write(len);
    } else if (len <= 0xFF) {
      out.write(0x81);
      out.write(len);
    } else if (len <= 0xFFFF) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write(len >> 8);
      out.write(len);
    }
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }
}
