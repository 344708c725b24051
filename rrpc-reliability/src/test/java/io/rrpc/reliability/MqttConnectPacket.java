package io.rrpc.reliability;

import java.nio.charset.StandardCharsets;

/** Reads the password out of the first bytes a client sent: an MQTT 3.1.1 CONNECT packet. */
final class MqttConnectPacket {
  private MqttConnectPacket() {}

  /** The CONNECT's password as text, or {@code null} when there is none or the bytes are not a whole CONNECT. */
  static String password(byte[] b) {
    try {
      if (b.length < 2 || (b[0] & 0xF0) != 0x10) {
        return null;
      }
      int i = 1;
      int remaining = 0;
      for (int shift = 0; ; shift += 7) {
        int digit = b[i++] & 0xFF;
        remaining |= (digit & 0x7F) << shift;
        if ((digit & 0x80) == 0) {
          break;
        }
      }
      if (b.length < i + remaining) {
        return null;
      }
      i += 2 + u16(b, i); // protocol name
      i += 1; // level
      int flags = b[i++] & 0xFF;
      i += 2; // keep-alive
      i += 2 + u16(b, i); // client id
      if ((flags & 0x04) != 0) {
        i += 2 + u16(b, i); // will topic
        i += 2 + u16(b, i); // will message
      }
      if ((flags & 0x80) != 0) {
        i += 2 + u16(b, i); // user name
      }
      if ((flags & 0x40) == 0) {
        return null;
      }
      int n = u16(b, i);
      return new String(b, i + 2, n, StandardCharsets.UTF_8);
    } catch (ArrayIndexOutOfBoundsException | StringIndexOutOfBoundsException e) {
      return null;
    }
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }
}
