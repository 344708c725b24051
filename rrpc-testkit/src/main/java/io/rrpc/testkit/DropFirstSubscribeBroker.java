package io.rrpc.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted MQTT 3.1.1 server that reproduces Moquette's CONNACK/SUBSCRIBE race on demand: it accepts
 * every CONNECT, drops the connection on each of the first {@code drops} SUBSCRIBE packets it gets, and
 * grants the later ones (QoS 0). PINGREQ is answered; PUBLISH is read and ignored. It exists to test that
 * a client survives a connection dropped right after its CONNACK ({@link EmbeddedBroker} describes the
 * race), and that one which never gets a subscription fails clearly.
 *
 * <pre>{@code
 * try (DropFirstSubscribeBroker broker = DropFirstSubscribeBroker.start(1)) {
 *   device = RrpcDevice.builder()...brokerUri(broker.uri()).build();
 *   device.start();                                   // connects twice, subscribes on the second
 *   assertEquals(2, broker.connections());
 * }
 * }</pre>
 *
 * Thread-safe; one thread per connection.
 */
public final class DropFirstSubscribeBroker implements AutoCloseable {
  private final ServerSocket server;
  private final int drops;
  private final AtomicInteger subscribes = new AtomicInteger();
  private final AtomicInteger connects = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private DropFirstSubscribeBroker(int drops) {
    this.drops = drops;
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
    Thread acceptor = new Thread(this::accept, "drop-first-subscribe-broker-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Listens on 127.0.0.1 and a free port; drops the connection at the first SUBSCRIBE only.
   *
   * @return the listening broker
   */
  public static DropFirstSubscribeBroker start() {
    return start(1);
  }

  /**
   * Listens on 127.0.0.1 and a free port; drops the connection at each of the first {@code drops}
   * SUBSCRIBEs ({@code Integer.MAX_VALUE}: at every one).
   *
   * @param drops how many SUBSCRIBEs end their connection
   * @return the listening broker
   */
  public static DropFirstSubscribeBroker start(int drops) {
    if (drops < 0) {
      throw new IllegalArgumentException("drops must not be negative, was " + drops);
    }
    return new DropFirstSubscribeBroker(drops);
  }

  /**
   * Where clients connect.
   *
   * @return {@code tcp://127.0.0.1:<port>}
   */
  public String uri() {
    return "tcp://127.0.0.1:" + port();
  }

  /**
   * The TCP port.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return server.getLocalPort();
  }

  /**
   * How many CONNECT packets it has answered.
   *
   * @return the count so far
   */
  public int connections() {
    return connects.get();
  }

  /**
   * How many SUBSCRIBE packets it has received, dropped or granted.
   *
   * @return the count so far
   */
  public int subscribes() {
    return subscribes.get();
  }

  /** Stops listening and closes every connection. Idempotent. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
  }

  @Override
  public String toString() {
    return "DropFirstSubscribeBroker{" + uri() + ", drops " + drops + "}";
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "drop-first-subscribe-connection-" + s.getPort());
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
            if (subscribes.incrementAndGet() <= drops) {
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
      // the client went away, or close()
    } finally {
      open.remove(socket);
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

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
