package io.rrpc.runtime.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Just enough MQTT 3.1.1 to serve a device's connection (CONNACK, SUBACK granting what was asked,
 * PINGRESP) and, on command, to fail it as brokers do during a reconnect: {@linkplain #silent accept
 * connections and never answer them} (a hung broker, or a load balancer in front of one), or {@linkplain
 * #dropAfterNextSuback drop a connection right after acknowledging its subscription}. Any credentials
 * are accepted; requests are never sent. A thread per connection, ended by {@link #close()}.
 */
final class ScriptedFaultBroker implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private volatile boolean silent;
  private final AtomicBoolean dropAfterSuback = new AtomicBoolean();
  private long accepted; // guarded by this

  ScriptedFaultBroker() throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "scripted-fault-broker");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String uri() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  /** With {@code true}, connections accepted from now on get no answer at all; with {@code false}, they are served. */
  void silent(boolean silent) {
    this.silent = silent;
  }

  /** The next SUBACK is followed at once by the end of its connection. */
  void dropAfterNextSuback() {
    dropAfterSuback.set(true);
  }

  /** Closes every open connection, as a broker going away does. */
  void dropConnections() throws IOException {
    for (Socket s : open) {
      s.close();
    }
  }

  /** Connections accepted so far. */
  synchronized long acceptedConnections() {
    return accepted;
  }

  /** Waits until {@code count} connections have been accepted in all; whether they were within {@code timeout}. */
  synchronized boolean awaitAcceptedConnections(long count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (accepted < count) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  private void acceptLoop() {
    try {
      while (true) {
        Socket socket = server.accept();
        open.add(socket);
        boolean answer = !silent;
        synchronized (this) {
          accepted++;
          notifyAll();
        }
        Thread t = new Thread(() -> serve(socket, answer), "scripted-fault-broker-connection");
        t.setDaemon(true);
        t.start();
      }
    } catch (IOException e) {
      // closed
    } finally {
      done.complete(null);
    }
  }

  private void serve(Socket socket, boolean answer) {
    try (Socket s = socket) {
      DataInputStream in = new DataInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        byte[][] body = new byte[1][];
        int type = SubscriptionRefusingBroker.readPacket(in, body);
        if (!answer) {
          continue; // read and ignore, so that the client's writes never block
        }
        if (type == 0x10) { // CONNECT
          out.write(new byte[] {0x20, 0x02, 0x00, 0x00}); // CONNACK accepted
        } else if (type == 0x80) { // SUBSCRIBE of one filter: granted its QoS, the last byte
          out.write(new byte[] {(byte) 0x90, 0x03, body[0][0], body[0][1], body[0][body[0].length - 1]});
          if (dropAfterSuback.compareAndSet(true, false)) {
            out.flush();
            return;
          }
        } else if (type == 0xC0) { // PINGREQ
          out.write(new byte[] {(byte) 0xD0, 0x00});
        } else if (type == 0xE0) { // DISCONNECT
          return;
        }
        out.flush();
      }
    } catch (IOException e) {
      // The client went away, or the connection was dropped.
    } finally {
      open.remove(socket);
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
    dropConnections();
    done.get(10, TimeUnit.SECONDS);
  }
}
