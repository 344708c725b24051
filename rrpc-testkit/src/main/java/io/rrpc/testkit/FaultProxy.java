package io.rrpc.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A TCP proxy on 127.0.0.1 between a device and its broker that breaks the connection on command: the
 * network faults a device meets in the field, made reproducible in a test.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.to(broker)) {
 *   RrpcDevice device = hub.deviceBuilder(PRODUCT, NAME).brokerUri(proxy.uri())...build();
 *   device.start();
 *   proxy.cut();      // the device sees its connection reset, and reconnects through the proxy
 *   proxy.stall();    // the connection stays open but nothing moves: only keep-alive can tell
 *   proxy.drop();     // the connection stays open, everything sent is silently lost
 *   proxy.refuseNewConnections(true);   // as if the broker were down
 * }
 * }</pre>
 *
 * <p>{@link #stall()} and {@link #drop()} affect the connections open at the time of the call; those
 * opened later flow normally, so a device that notices the fault and reconnects gets through. {@link
 * #cut()} resets the open connections at once. The proxy never inspects or changes the bytes it
 * forwards; it only keeps the {@linkplain #clientPreambles() first bytes} each client sent, which for
 * an MQTT client is its CONNECT packet.
 *
 * <p>Each connection costs two daemon threads, which end with it; {@link #close()} ends them all.
 * Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
  /** How many of its first bytes each connection keeps for {@link #clientPreambles()}. */
  public static final int PREAMBLE_BYTES = 4096;

  private static final Logger LOG = Logger.getLogger("io.rrpc.testkit.proxy");
  private static final int BUFFER_BYTES = 16 * 1024;

  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final Thread acceptor;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final List<byte[]> preambles = new ArrayList<>(); // guarded by itself
  private final Object accepted = new Object();
  private long acceptedCount; // guarded by accepted
  private volatile boolean refuseNew;
  private volatile boolean closed;

  private FaultProxy(InetSocketAddress target) {
    this.target = target;
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
    acceptor = new Thread(this::acceptLoop, "rrpc-fault-proxy-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * A proxy to a port of 127.0.0.1.
   *
   * @param port the port to forward to
   * @return the running proxy, on a free port of 127.0.0.1
   */
  public static FaultProxy to(int port) {
    return new FaultProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  /**
   * A proxy to a local broker.
   *
   * @param broker the broker to forward to
   * @return the running proxy, on a free port of 127.0.0.1
   */
  public static FaultProxy to(LocalBroker broker) {
    return to(broker.port());
  }

  /**
   * The URI a client connects to instead of the broker's, {@code tcp://127.0.0.1:<port>}.
   *
   * @return the proxy's URI
   */
  public String uri() {
    return "tcp://127.0.0.1:" + port();
  }

  /**
   * The proxy's own port on 127.0.0.1.
   *
   * @return the port
   */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Resets every open connection (TCP RST on both sides), as a network failure does. New connections
   * are still accepted.
   *
   * @return how many connections were cut
   */
  public int cut() {
    int n = 0;
    for (Link link : links) {
      link.abort();
      n++;
    }
    LOG.fine(() -> "cut connections on " + uri());
    return n;
  }

  /**
   * Stops forwarding on every open connection, in both directions: the sockets stay open and what
   * was sent is held, not lost, until {@link #resume()} or {@link #cut()}. Only a keep-alive timeout
   * can tell such a connection from a quiet one. Connections opened later are not affected.
   */
  public void stall() {
    setMode(Mode.STALL);
  }

  /**
   * Silently discards everything sent on every open connection, in both directions, while the
   * sockets stay open: writes succeed and nothing arrives. Connections opened later are not affected.
   */
  public void drop() {
    setMode(Mode.DROP);
  }

  /** Open connections that were stalled or dropping forward normally again (held bytes go first). */
  public void resume() {
    setMode(Mode.FORWARD);
  }

  /**
   * With {@code true}, new connections are reset as soon as they are accepted, as if the broker were
   * down; with {@code false}, they are forwarded again.
   *
   * @param refuse whether to reset new connections
   */
  public void refuseNewConnections(boolean refuse) {
    this.refuseNew = refuse;
  }

  /**
   * Connections currently open through the proxy.
   *
   * @return the number of open connections
   */
  public int openConnections() {
    return links.size();
  }

  /**
   * Connections accepted since the proxy started, refused ones included.
   *
   * @return the number of accepted connections
   */
  public long acceptedConnections() {
    synchronized (accepted) {
      return acceptedCount;
    }
  }

  /**
   * Waits until at least {@code count} connections have been accepted since the proxy started.
   *
   * @param count the number of connections to wait for
   * @param timeout how long to wait at most
   * @return true once {@code count} connections were accepted, false when the timeout passed first
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public boolean awaitAcceptedConnections(long count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (accepted) {
      while (acceptedCount < count) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(accepted, left);
      }
      return true;
    }
  }

  /**
   * The first bytes (up to {@value #PREAMBLE_BYTES}) each forwarded connection's client sent, oldest
   * connection first: for an MQTT client, its CONNECT packet and what followed it. Copies.
   *
   * @return the preambles, oldest first
   */
  public List<byte[]> clientPreambles() {
    List<byte[]> copy = new ArrayList<>();
    synchronized (preambles) {
      for (byte[] p : preambles) {
        copy.add(p.clone());
      }
    }
    return copy;
  }

  /** Stops listening and resets every connection; returns once the proxy's threads have ended. Idempotent. */
  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the listener", e);
    }
    join(acceptor); // no new links from here on
    List<Link> open = new ArrayList<>(links);
    cut();
    for (Link link : open) {
      link.join();
    }
  }

  @Override
  public String toString() {
    return "FaultProxy{" + uri() + " -> " + target.getPort() + ", open=" + links.size() + "}";
  }

  private void setMode(Mode mode) {
    for (Link link : links) {
      link.setMode(mode);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.log(Level.WARNING, "fault proxy stopped accepting on " + uri(), e);
        }
        return;
      }
      synchronized (accepted) {
        acceptedCount++;
        accepted.notifyAll();
      }
      if (refuseNew || closed) {
        reset(client);
        continue;
      }
      Socket upstream = new Socket();
      try {
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        upstream.connect(target, 5000);
      } catch (IOException e) {
        // The broker is down: the client sees its connection reset, as it would without the proxy.
        reset(client);
        reset(upstream);
        continue;
      }
      Link link = new Link(client, upstream);
      links.add(link);
      link.start();
    }
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0); // close with RST, not FIN: an abrupt failure
    } catch (SocketException ignored) {
      // not connected: close() below is all there is to do
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static void join(Thread t) {
    try {
      t.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private enum Mode { FORWARD, STALL, DROP }

  /** One client connection and its upstream connection, pumped by two threads. */
  private final class Link {
    private final Socket client;
    private final Socket upstream;
    private final Thread up;
    private final Thread down;
    private final byte[] preamble = new byte[PREAMBLE_BYTES];
    private final int preambleIndex;
    private int preambleLength; // written by the up thread only
    private Mode mode = Mode.FORWARD; // guarded by this
    private boolean aborted; // guarded by this

    Link(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
      String name = "rrpc-fault-proxy-" + port() + "-" + client.getPort();
      this.up = new Thread(() -> pump(client, upstream, true), name + "-up");
      this.down = new Thread(() -> pump(upstream, client, false), name + "-down");
      up.setDaemon(true);
      down.setDaemon(true);
      synchronized (preambles) {
        preambleIndex = preambles.size();
        preambles.add(new byte[0]);
      }
    }

    void start() {
      up.start();
      down.start();
    }

    synchronized void setMode(Mode mode) {
      this.mode = mode;
      notifyAll();
    }

    void abort() {
      synchronized (this) {
        aborted = true;
        notifyAll();
      }
      reset(client);
      reset(upstream);
      links.remove(this);
    }

    void join() {
      FaultProxy.join(up);
      FaultProxy.join(down);
    }

    private void pump(Socket from, Socket to, boolean clientToServer) {
      byte[] buffer = new byte[BUFFER_BYTES];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (clientToServer) {
            keepPreamble(buffer, n);
          }
          Mode m = awaitMovable();
          if (m == null) {
            return; // aborted while stalled
          }
          if (m == Mode.FORWARD) {
            out.write(buffer, 0, n);
            out.flush();
          }
        }
      } catch (IOException e) {
        // reset by the peer or by cut(): the link is over
      } finally {
        // One side ended: end the other too, abruptly, as a broken path would.
        abort();
      }
    }

    /** Blocks while stalled; the mode to apply to the bytes just read, or {@code null} once aborted. */
    private synchronized Mode awaitMovable() {
      while (mode == Mode.STALL && !aborted) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
      return aborted ? null : mode;
    }

    private void keepPreamble(byte[] buffer, int n) {
      int take = Math.min(n, PREAMBLE_BYTES - preambleLength);
      if (take <= 0) {
        return;
      }
      System.arraycopy(buffer, 0, preamble, preambleLength, take);
      preambleLength += take;
      byte[] snapshot = Arrays.copyOf(preamble, preambleLength);
      synchronized (preambles) {
        preambles.set(preambleIndex, snapshot);
      }
    }
  }
}
