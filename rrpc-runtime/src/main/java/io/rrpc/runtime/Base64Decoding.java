package io.rrpc.runtime;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Base64 decoding (RFC 4648's basic alphabet) for device secrets and PEM bodies. {@code java.util.Base64}
 * exists on Android only from API level 26; this runs on every level the runtime supports, and accepts
 * and refuses exactly what {@code Base64.getDecoder()} and {@code getMimeDecoder()} do (the tests compare
 * them). Messages name a position, never a character: the text may be a secret.
 */
final class Base64Decoding {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final int[] VALUES = new int[128];

  static {
    Arrays.fill(VALUES, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      VALUES[ALPHABET.charAt(i)] = i;
    }
  }

  private Base64Decoding() {}

  /**
   * As {@code Base64.getDecoder().decode(text)}: every character is in the alphabet, padding optional.
   *
   * @throws IllegalArgumentException when the text is not base64
   */
  static byte[] decode(String text) {
    return decode(text, false);
  }

  /**
   * As {@code Base64.getMimeDecoder().decode(text)}: characters outside the alphabet (line breaks) are skipped.
   *
   * @throws IllegalArgumentException when the text is not base64
   */
  static byte[] decodeMime(String text) {
    return decode(text, true);
  }

  private static byte[] decode(String text, boolean skipOthers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 4 * 3 + 2);
    int bits = 0;
    int sextets = 0;
    int i = 0;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=') {
        break;
      }
      int value = valueOf(c);
      if (value < 0) {
        if (skipOthers) {
          continue;
        }
        throw new IllegalArgumentException("illegal base64 character at index " + i);
      }
      bits = bits << 6 | value;
      if (++sextets == 4) {
        out.write(bits >> 16);
        out.write(bits >> 8);
        out.write(bits);
        bits = 0;
        sextets = 0;
      }
    }
    int padding = 0;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=') {
        padding++;
      } else if (!skipOthers || valueOf(c) >= 0) {
        throw new IllegalArgumentException("base64 text goes on after its padding, at index " + i);
      }
    }
    if (sextets == 1) {
      throw new IllegalArgumentException("base64 text ends in a lone character");
    }
    if (padding > 0 && (sextets == 0 || sextets + padding != 4)) {
      throw new IllegalArgumentException("incorrect base64 padding");
    }
    if (sextets == 2) {
      out.write(bits >> 4);
    } else if (sextets == 3) {
      out.write(bits >> 10);
      out.write(bits >> 2);
    }
    return out.toByteArray();
  }

  private static int valueOf(char c) {
    return c < VALUES.length ? VALUES[c] : -1;
  }
}
