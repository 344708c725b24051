package io.rrpc.runtime.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough MQTT 3.1.1 to script a broker's faults, one connection at a time: CONNACK every CONNECT;
 * for the first {@code drops} connections close the socket on the SUBSCRIBE, afterwards answer it with
 * the given SUBACK return code and read until the client goes.
 */
final class ScriptedBroker implements AutoCloseable {
  private static final int SUBACK_REFUSED = 0x80;

  private final AtomicInteger connections = new AtomicInteger();
  private final ServerSocket server;
  private final int drops;
  private final int subackCode;
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  private ScriptedBroker(int drops, int subackCode) throws IOException {
    this.drops = drops;
    this.subackCode = subackCode;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::serve, "scripted-broker");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Drops the connection on the SUBSCRIBE of the first {@code drops} connections, grants it later. */
  static ScriptedBroker droppingSubscribes(int drops) throws IOException {
    return new ScriptedBroker(drops, 0x00);
  }

  /** Refuses every subscription (SUBACK return code 0x80). */
  static ScriptedBroker refusingSubscriptions() throws IOException {
    return new ScriptedBroker(0, SUBACK_REFUSED);
  }

  String uri() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  /** Connections accepted so far. */
  int connections() {
    return connections.get();
  }

  private void serve() {
    try {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          int n = connections.incrementAndGet();
          DataInputStream in = new DataInputStream(socket.getInputStream());
          OutputStream out = socket.getOutputStream();
          expect(in, 0x10); // CONNECT
          out.write(new byte[] {0x20, 0x02, 0x00, 0x00}); // CONNACK accepted
          out.flush();
          byte[] subscribe = expect(in, 0x80);
          if (n <= drops) {
            continue; // closing the socket here is the fault
          }
          out.write(new byte[] {(byte) 0x90, 0x03, subscribe[0], subscribe[1], (byte) subackCode});
          out.flush();
          while (true) {
            int type = readPacket(in, new byte[1][]);
            if (type == 0xE0) { // DISCONNECT
              break;
            }
            if (type == 0xC0) { // PINGREQ
              out.write(new byte[] {(byte) 0xD0, 0x00});
              out.flush();
            }
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
  private static int readPacket(DataInputStream in, byte[][] body) throws IOException {
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
