package io.rrpc.runtime.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Just enough MQTT 3.1.1 to refuse subscriptions, as a hub whose ACL denies the device its request topic
 * would: CONNACK every CONNECT, answer every SUBSCRIBE with SUBACK return code 0x80 (failure), answer
 * PINGREQ, and read until the client goes. One connection at a time. (The testkit's
 * {@code DropFirstSubscribeBroker} scripts the other SUBSCRIBE fault, a dropped connection.)
 */
final class SubscriptionRefusingBroker implements AutoCloseable {
  private static final int SUBACK_FAILURE = 0x80;

  private final ServerSocket server;
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  SubscriptionRefusingBroker() throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::serve, "subscription-refusing-broker");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String uri() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void serve() {
    try {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          DataInputStream in = new DataInputStream(socket.getInputStream());
          OutputStream out = socket.getOutputStream();
          expect(in, 0x10); // CONNECT
          out.write(new byte[] {0x20, 0x02, 0x00, 0x00}); // CONNACK accepted
          out.flush();
          while (true) {
            byte[][] body = new byte[1][];
            int type = readPacket(in, body);
            if (type == 0xE0) { // DISCONNECT
              break;
            }
            if (type == 0x80) { // SUBSCRIBE: refused
              out.write(new byte[] {(byte) 0x90, 0x03, body[0][0], body[0][1], (byte) SUBACK_FAILURE});
            } else if (type == 0xC0) { // PINGREQ
              out.write(new byte[] {(byte) 0xD0, 0x00});
            }
            out.flush();
          }
        } catch (IOException e) {
          // The client went away; wait for the next one.
        }
      }
    } finally {
      done.complete(null);
    }
  }
  /** Reads one packet of the given type; returns its variable header and payload. */
  private static byte[] expect(DataInputStream in, int type) throws IOException {
    byte[][] body = new byte[1][];
    int actual = readPacket(in, body);
    if (actual != type) {
      throw new IOException("expected packet type " + type + ", got " + actual);
    }
    return body[0];
  }

  /** Reads one packet into {@code body[0]}; returns its type (the high nibble of its first byte). */
  static int readPacket(DataInputStream in, byte[][] body) throws IOException {
    int first = in.readUnsignedByte();
    int length = 0;
    int multiplier = 1;
    int b;
    do {
      b = in.readUnsignedByte();
      length += (b & 0x7F) * multiplier;
      multiplier *= 128;
    } while ((b & 0x80) != 0);
    body[0] = new byte[length];
    in.readFully(body[0]);
    return first & 0xF0;
  }

  @Override
  public void close() throws Exception {
    server.close();
    done.get(10, TimeUnit.SECONDS);
  }
}
