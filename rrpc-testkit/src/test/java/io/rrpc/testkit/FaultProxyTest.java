package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link FaultProxy} in front of a plain TCP echo server: each fault does what it says, and nothing else. */
class FaultProxyTest {
  private ServerSocket echo;
  private final ExecutorService echoThreads = Executors.newCachedThreadPool();
  private FaultProxy proxy;

  @BeforeEach
  void startEchoServerAndProxy() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    echoThreads.execute(() -> {
      while (!echo.isClosed()) {
        try {
          Socket s = echo.accept();
          echoThreads.execute(() -> pipe(s));
        } catch (IOException e) {
          return;
        }
      }
    });
    proxy = FaultProxy.to(echo.getLocalPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
    echoThreads.shutdownNow();
  }

  @Test
  void forwardsBothWaysAndKeepsWhatTheClientSentFirst() throws IOException {
    try (Socket client = connect()) {
      assertEquals("hello", roundTrip(client, "hello"));
      assertEquals("again", roundTrip(client, "again"));
    }
    assertEquals("helloagain", new String(proxy.clientPreambles().get(0), StandardCharsets.US_ASCII));
    assertEquals(1, proxy.acceptedConnections());
  }

  @Test
  void cutResetsOpenConnectionsAndAcceptsNewOnes() throws Exception {
    try (Socket client = connect()) {
      assertEquals("x", roundTrip(client, "x"));
      assertEquals(1, proxy.cut());
      assertThrows(IOException.class, () -> {
        client.getOutputStream().write('y');
        if (client.getInputStream().read() < 0) {
          throw new IOException("closed");
        }
      });
    }
    try (Socket again = connect()) {
      assertEquals("z", roundTrip(again, "z"));
    }
    assertTrue(proxy.awaitAcceptedConnections(2, Duration.ofSeconds(5)));
  }

  @Test
  void stallHoldsBytesUntilResumeAndSparesNewConnections() throws Exception {
    try (Socket stalled = connect()) {
      assertEquals("a", roundTrip(stalled, "a"));
      proxy.stall();
      stalled.getOutputStream().write('b');
      stalled.setSoTimeout(300);
      assertThrows(SocketTimeoutException.class, () -> stalled.getInputStream().read(), "nothing moves");

      try (Socket fresh = connect()) {
        assertEquals("c", roundTrip(fresh, "c"));
      }

      proxy.resume();
      stalled.setSoTimeout(5000);
      assertEquals('b', stalled.getInputStream().read(), "held, not lost");
    }
  }

  @Test
  void dropDiscardsEverythingWhileTheConnectionStaysOpen() throws Exception {
    try (Socket dropped = connect()) {
      assertEquals("a", roundTrip(dropped, "a"));
      proxy.drop();
      dropped.getOutputStream().write('b');
      dropped.setSoTimeout(300);
      assertThrows(SocketTimeoutException.class, () -> dropped.getInputStream().read());

      proxy.resume();
      dropped.setSoTimeout(5000);
      assertEquals("c", roundTrip(dropped, "c"), "the dropped byte is gone; the connection still works");
      assertEquals(1, proxy.openConnections());
    }
  }

  @Test
  void refusedConnectionsAreResetAtOnce() throws Exception {
    proxy.refuseNewConnections(true);
    try (Socket refused = connect()) {
      refused.setSoTimeout(5000);
      assertThrows(IOException.class, () -> {
        if (refused.getInputStream().read() < 0) {
          throw new SocketException("closed");
        }
      });
    }
    proxy.refuseNewConnections(false);
    try (Socket accepted = connect()) {
      assertEquals("ok", roundTrip(accepted, "ok"));
    }
  }

  @Test
  void closeEndsEveryThreadOfTheProxy() throws Exception {
    Socket a = connect();
    Socket b = connect();
    roundTrip(a, "1");
    roundTrip(b, "2");
    proxy.close();
    a.close();
    b.close();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      assertTrue(!t.getName().startsWith("rrpc-fault-proxy-" + proxy.port()) || !t.isAlive(), t.getName());
    }
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    s.setSoTimeout(5000);
    return s;
  }

  private static String roundTrip(Socket s, String text) throws IOException {
    byte[] out = text.getBytes(StandardCharsets.US_ASCII);
    s.getOutputStream().write(out);
    byte[] in = new byte[out.length];
    InputStream input = s.getInputStream();
    for (int n = 0; n < in.length; ) {
      int r = input.read(in, n, in.length - n);
      if (r < 0) {
        throw new IOException("closed");
      }
      n += r;
    }
    assertArrayEquals(out, in);
    return new String(in, StandardCharsets.US_ASCII);
  }

  private static void pipe(Socket s) {
    try (Socket socket = s; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
      byte[] buffer = new byte[1024];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // the test closed it
    }
  }
}
