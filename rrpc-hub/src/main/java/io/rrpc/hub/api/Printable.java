package io.rrpc.hub.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Payloads for the console: quoted UTF-8 text when they are text, base64 otherwise; long ones cut. */
final class Printable {
  private static final int MAX = 200;

  private Printable() {}

  static String quote(byte[] payload) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
    } catch (CharacterCodingException e) {
      return cut("base64:" + Base64.getEncoder().encodeToString(payload));
    }
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c < 0x20) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    return cut(s.append('"').toString());
  }

  private static String cut(String s) {
    return s.length() <= MAX ? s : s.substring(0, MAX) + "... (" + s.length() + " chars)";
  }
}
