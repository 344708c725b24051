package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A socket whose reads wait for its first write, against a peer that speaks first. */
class WriteFirstSocketTest {
  private ServerSocket server;
  private Socket peer;
  private final WriteFirstSocket socket = new WriteFirstSocket();

  @BeforeEach
  void connect() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
    peer = server.accept();
    peer.getOutputStream().write('x'); // already there to be read
    peer.getOutputStream().flush();
  }

  @AfterEach
  void close() throws IOException {
    socket.close();
    peer.close();
    server.close();
  }

  @Test
  void readBeforeTheFirstWriteTimesOutAsAReadWould() throws IOException {
    socket.setSoTimeout(100);
    assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
    assertEquals(0, socket.getInputStream().available(), "nothing to read yet");
  }

  @Test
  void readAfterTheFirstWriteGetsWhatThePeerSent() throws IOException {
    socket.getOutputStream().write(new byte[] {1, 2}, 0, 2);
    assertEquals('x', socket.getInputStream().read());
    assertEquals(2, peer.getInputStream().read(new byte[2]), "the write went through whole");
  }

  @Test
  void waitingReadEndsWhenTheFirstWriteIsDone() throws Exception {
    InputStream in = socket.getInputStream();
    CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
      try {
        return in.read();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    socket.getOutputStream().write(1);
    assertEquals('x', read.get(10, TimeUnit.SECONDS));
  }

  @Test
  void waitingReadEndsOnAnInterruptAsPahoStopsItsReceiver() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        socket.getInputStream().read();
        failure.complete(null);
      } catch (IOException e) {
        failure.complete(e);
      }
    });
    reader.start();
    reader.interrupt();
    assertInstanceOf(InterruptedIOException.class, failure.get(10, TimeUnit.SECONDS));
  }

  @Test
  void closeEndsAWaitingRead() throws Exception {
    InputStream in = socket.getInputStream();
    CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
      try {
        in.read();
        return null;
      } catch (IOException e) {
        return e;
      }
    });
    socket.close();
    assertInstanceOf(IOException.class, failure.get(10, TimeUnit.SECONDS));
  }
}
