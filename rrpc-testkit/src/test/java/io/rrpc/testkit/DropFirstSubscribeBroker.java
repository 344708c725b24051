package io.rrpc.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted MQTT server that reproduces Moquette's CONNACK/SUBSCRIBE race on demand: it accepts every
 * CONNECT, drops the connection on the first SUBSCRIBE it ever gets, and acknowledges the later ones.
 */
final class DropFirstSubscribeBroker implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicInteger subscribes = new AtomicInteger();
  private final AtomicInteger connects = new AtomicInteger();

  DropFirstSubscribeBroker() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "drop-first-subscribe-broker");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String uri() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  int connects() {
    return connects.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> serve(s), "drop-first-subscribe-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (Socket s = socket) {
      DataInputStream in = new DataInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        int type = in.readUnsignedByte();
        byte[] body = new byte[remainingLength(in)];
        in.readFully(body);
        switch (type >> 4) {
          case 1: // CONNECT
            connects.incrementAndGet();
            out.write(new byte[] {0x20, 2, 0, 0});
            break;
          case 8: // SUBSCRIBE
            if (subscribes.incrementAndGet() == 1) {
              return; // drop the connection, as Moquette does when it loses the race
            }
            out.write(new byte[] {(byte) 0x90, 3, body[0], body[1], 0});
            break;
          case 12: // PINGREQ
            out.write(new byte[] {(byte) 0xD0, 0});
            break;
          case 14: // DISCONNECT
            return;
          default: // PUBLISH at QoS 0 and the rest: ignored
        }
        out.flush();
      }
    } catch (IOException gone) {
      // the client went away
    }
  }

  private static int remainingLength(DataInputStream in) throws IOException {
    int value = 0;
    int multiplier = 1;
    int b;
    do {
      b = in.readUnsignedByte();
      value += (b & 0x7F) * multiplier;
      multiplier *= 128;
    } while ((b & 0x80) != 0);
    return value;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
