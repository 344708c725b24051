package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runtime's own decoder (Android below API 26 has no java.util.Base64) against the JDK's, as the reference. */
class Base64DecodingTest {
  @Test
  void decodesWhatTheJdkEncodesWithAndWithoutPadding() {
    Random random = new Random(42);
    for (int length = 0; length < 200; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      assertArrayEquals(bytes, Base64Decoding.decode(Base64.getEncoder().encodeToString(bytes)));
      assertArrayEquals(bytes, Base64Decoding.decode(Base64.getEncoder().withoutPadding().encodeToString(bytes)));
      assertArrayEquals(bytes, Base64Decoding.decodeMime(Base64.getMimeEncoder().encodeToString(bytes)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "A", "AB", "ABC", "ABCD", "AB=", "AB==", "ABC=", "ABC==", "AB===", "=", "==", "====",
      "ABCD=", "ABCD====", "AB==CD", "A=B=", "AB*D", "AB D", "ABCD\n", " ABCD", "AB\u00e9D", "-_AA", "AAA=\n",
      "MDEyMzQ1Njc4OWFiY2RlZg==", "MDEyMzQ1Njc4OWFiY2RlZg"})
  void acceptsAndRefusesExactlyWhatTheJdkDecoderDoes(String text) {
    assertSameOutcome(Base64.getDecoder()::decode, Base64Decoding::decode, text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ABCD\r\nEFGH", "AB\nCD==", "AB==\r\n", "AB*D", "A", "AB=", "ABCD=", "AB==CD", "  AB  CD  "})
  void mimeDecodingSkipsWhatTheJdkMimeDecoderSkips(String text) {
    assertSameOutcome(Base64.getMimeDecoder()::decode, Base64Decoding::decodeMime, text);
  }

  @Test
  void aRefusalNamesAPositionNeverTheText() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Base64Decoding.decode("secr*t"));
    assertEquals("illegal base64 character at index 4", e.getMessage());
    assertFalse(e.getMessage().contains("*"));
  }

  private static void assertSameOutcome(Function<String, byte[]> jdk, Function<String, byte[]> ours, String text) {
    byte[] expected;
    try {
      expected = jdk.apply(text);
    } catch (IllegalArgumentException refused) {
      assertThrows(IllegalArgumentException.class, () -> ours.apply(text), "the JDK refuses \"" + text + "\"");
      return;
    }
    assertArrayEquals(expected, ours.apply(text), "\"" + text + "\"");
  }
}
