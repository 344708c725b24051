package io.rrpc.runtime.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The MQTT 3.1.1 packets a client sent, read from the bytes a {@link io.rrpc.testkit.FaultProxy} kept
 * of its connection: what the device really put on the wire, independent of the runtime's code. A
 * packet cut off at the end of the kept bytes is left out.
 */
final class ClientPackets {
  static final int CONNECT = 1;
  static final int PUBACK = 4;
  static final int SUBSCRIBE = 8;

  private final List<Packet> packets = new ArrayList<>();

  ClientPackets(byte[] bytes) {
    int at = 0;
    while (at < bytes.length) {
      int type = (bytes[at] & 0xFF) >> 4;
      int length = 0;
      int multiplier = 1;
      int i = at + 1;
      while (true) {
        if (i >= bytes.length) {
          return;
        }
        int b = bytes[i++] & 0xFF;
        length += (b & 0x7F) * multiplier;
        multiplier *= 128;
        if ((b & 0x80) == 0) {
          break;
        }
      }
      if (i + length > bytes.length) {
        return;
      }
      byte[] body = new byte[length];
      System.arraycopy(bytes, i, body, 0, length);
      packets.add(new Packet(type, body));
      at = i + length;
    }
  }

  /** How many packets of this type the client sent. */
  int count(int type) {
    int n = 0;
    for (Packet p : packets) {
      if (p.type == type) {
        n++;
      }
    }
    return n;
  }

  /** The username of the first CONNECT. */
  String connectUsername() {
    return connectFields()[0];
  }

  /** The password of the first CONNECT. */
  String connectPassword() {
    return connectFields()[1];
  }

  /** The QoS the client asked for with its first subscription to {@code filter}, or -1 if it never did. */
  int requestedQos(String filter) {
    for (Packet p : packets) {
      if (p.type != SUBSCRIBE) {
        continue;
      }
      int at = 2; // packet identifier
      while (at < p.body.length) {
        int length = unsigned16(p.body, at);
        String topic = new String(p.body, at + 2, length, StandardCharsets.UTF_8);
        int qos = p.body[at + 2 + length];
        if (topic.equals(filter)) {
          return qos;
        }
        at += 3 + length;
      }
    }
    return -1;
  }

  private String[] connectFields() {
    for (Packet p : packets) {
      if (p.type == CONNECT) {
        byte[] b = p.body;
        int at = 2 + unsigned16(b, 0); // protocol name
        int flags = b[at + 1] & 0xFF;
        at += 4; // level, flags, keep-alive
        at += 2 + unsigned16(b, at); // client id
        if ((flags & 0x04) != 0) { // will topic and message
          at += 2 + unsigned16(b, at);
          at += 2 + unsigned16(b, at);
        }
        String username = null;
        String password = null;
        if ((flags & 0x80) != 0) {
          username = new String(b, at + 2, unsigned16(b, at), StandardCharsets.UTF_8);
          at += 2 + unsigned16(b, at);
        }
        if ((flags & 0x40) != 0) {
          password = new String(b, at + 2, unsigned16(b, at), StandardCharsets.UTF_8);
        }
        return new String[] {username, password};
      }
    }
    throw new AssertionError("the client sent no CONNECT");
  }

  private static int unsigned16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  private static final class Packet {
    final int type;
    final byte[] body;

    Packet(int type, byte[] body) {
      this.type = type;
      this.body = body;
    }
  }
}
