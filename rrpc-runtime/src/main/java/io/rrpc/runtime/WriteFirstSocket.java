package io.rrpc.runtime;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A plain socket whose reads wait until its first write is done (sent or failed), or the socket is
 * closed. An MQTT client speaks first, so no data is held back; what is held back is the news of a
 * connection the peer reset at once.
 *
 * <p>Why: Paho 1.2.5 starts its receiver and then polls every 100 ms until the receiver reports running.
 * A receiver that reads a reset and stops within those 100 ms is never seen running, and Paho's
 * connect task polls forever: the connect token never completes and the thread is lost for good. A
 * proxy or load balancer that accepts connections and resets them while the broker is away does
 * exactly that; after a few such attempts every Paho thread was stuck and the device stopped
 * reconnecting. Holding the receiver's first read until Paho has sent CONNECT (by then it has seen its
 * receiver and sender running) closes that window.
 *
 * <p>A wait is cut short as a read would be: by the socket's read timeout (Paho sets one and reads
 * again) and by an interrupt (Paho's way of stopping its receiver).
 */
final class WriteFirstSocket extends Socket {
  private final CountDownLatch written = new CountDownLatch(1);
  private InputStream readsAfterFirstWrite;
  private OutputStream writesOpeningReads;

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (readsAfterFirstWrite == null) {
      readsAfterFirstWrite = new FilterInputStream(super.getInputStream()) {
        @Override
        public int read() throws IOException {
          awaitFirstWrite();
          return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          awaitFirstWrite();
          return super.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
          return written.getCount() == 0 ? super.available() : 0;
        }
      };
    }
    return readsAfterFirstWrite;
  }

  @Override
  public synchronized OutputStream getOutputStream() throws IOException {
    if (writesOpeningReads == null) {
      writesOpeningReads = new FilterOutputStream(super.getOutputStream()) {
        @Override
        public void write(int b) throws IOException {
          try {
            out.write(b);
          } finally {
            written.countDown();
          }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          try {
            out.write(b, off, len); // FilterOutputStream would write byte by byte
          } finally {
            written.countDown();
          }
        }
      };
    }
    return writesOpeningReads;
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      written.countDown(); // after: a read woken by this sees the socket closed
    }
  }

  private void awaitFirstWrite() throws IOException {
    if (written.getCount() == 0) {
      return;
    }
    int timeout = getSoTimeout();
    try {
      if (timeout == 0) {
        written.await();
      } else if (!written.await(timeout, TimeUnit.MILLISECONDS)) {
        throw new SocketTimeoutException("nothing written yet");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted before the first write");
    }
    if (isClosed()) {
      throw new IOException("socket closed");
    }
  }
}
