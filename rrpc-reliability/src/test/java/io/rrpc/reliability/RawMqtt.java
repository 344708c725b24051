package io.rrpc.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * MQTT 3.1.1 written byte by byte, for what no client library will send: a PUBLISH whose topic name
 * holds {@code +}, {@code #} or NUL, which the spec forbids. Reports what the broker did with it.
 */
final class RawMqtt {
  private RawMqtt() {}

  /** What the broker did after the forbidden PUBLISH. */
  enum BrokerReaction {
    /** It kept the connection: it answered the PINGREQ that followed. */
    KEPT_CONNECTION,
    /** It closed or reset the connection. */
    DISCONNECTED
  }

  /** Connects, publishes {@code topic} (raw UTF-8, unchecked) at QoS 0, then pings to see what the broker did. */
  static BrokerReaction publish(int port, String username, char[] password, String topic, byte[] payload)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(connect("rrpc-hostile-raw-" + System.nanoTime(), username, password));
      out.flush();
      byte[] connack = new byte[4];
      for (int n = 0; n < 4; ) {
        int r = in.read(connack, n, 4 - n);
        if (r < 0) {
          throw new IOException("no CONNACK");
        }
        n += r;
      }
      if (connack[0] != 0x20 || connack[3] != 0) {
        throw new IOException("connection refused, CONNACK code " + connack[3]);
      }
      ByteArrayOutputStream publish = new ByteArrayOutputStream();
      string(publish, topic.getBytes(StandardCharsets.UTF_8));
      publish.write(payload, 0, payload.length);
      out.write(packet(0x30, publish.toByteArray()));
      out.write(new byte[] {(byte) 0xC0, 0}); // PINGREQ
      out.flush();
      try {
        int b = in.read();
        return (b & 0xF0) == 0xD0 ? BrokerReaction.KEPT_CONNECTION : BrokerReaction.DISCONNECTED;
      } catch (SocketException | SocketTimeoutException e) {
        return BrokerReaction.DISCONNECTED;
      }
    }
  }

  private static byte[] connect(String clientId, String username, char[] password) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    string(body, "MQTT".getBytes(StandardCharsets.UTF_8));
    body.write(4); // 3.1.1
    int flags = 0x02 | (username != null ? 0x80 : 0) | (password != null ? 0x40 : 0);
    body.write(flags);
    body.write(0);
    body.write(30); // keep-alive 30 s
    string(body, clientId.getBytes(StandardCharsets.UTF_8));
    if (username != null) {
      string(body, username.getBytes(StandardCharsets.UTF_8));
    }
    if (password != null) {
      string(body, new String(password).getBytes(StandardCharsets.UTF_8));
    }
    return packet(0x10, body.toByteArray());
  }

  private static byte[] packet(int type, byte[] body) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.write(type);
    int length = body.length;
    do {
      int digit = length % 128;
      length /= 128;
      p.write(length > 0 ? digit | 0x80 : digit);
    } while (length > 0);
    p.write(body, 0, body.length);
    return p.toByteArray();
  }

  private static void string(ByteArrayOutputStream out, byte[] s) {
    out.write(s.length >> 8);
    out.write(s.length & 0xFF);
    out.write(s, 0, s.length);
  }
}
