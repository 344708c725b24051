package io.rrpc.reliability;

import io.rrpc.testkit.MosquittoBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Mosquitto with a TLS listener (the device's side) and a plain one (the hub's), for the security
 * checks. The testkit's {@link MosquittoBroker} has no TLS; this reuses its binary lookup and its
 * skip-or-fail rule.
 */
final class TlsMosquitto implements AutoCloseable {
  final int tlsPort;
  final int plainPort;
  private final Process process;
  private final Deque<String> log = new ArrayDeque<>();

  /**
   * @param requireClientCertificate whether the TLS listener demands a client certificate signed by
   *     {@code clientCa}
   */
  TlsMosquitto(Path dir, String serverCert, String serverKey, String clientCa, boolean requireClientCertificate)
      throws IOException, InterruptedException {
    Path binary = MosquittoBroker.findBinary().orElse(null);
    if (binary == null) {
      if (MosquittoBroker.isRequired()) {
        throw new IllegalStateException("mosquitto is not installed but -Drrpc.it.mosquitto=required");
      }
      Assumptions.abort("mosquitto is not installed (Debian: apt-get install mosquitto)");
    }
    this.tlsPort = freePort();
    this.plainPort = freePort();
    Path config = Files.createTempFile(dir, "mosquitto-tls", ".conf");
    String text = String.join("\n",
        "per_listener_settings false",
        // Started as root, mosquitto would switch to its own user, who cannot read our temporary key files.
        "user " + System.getProperty("user.name"),
        "allow_anonymous true",
        "persistence false",
        "log_dest stderr",
        "log_type all",
        "listener " + plainPort + " 127.0.0.1",
        "listener " + tlsPort + " 127.0.0.1",
        "cafile " + clientCa,
        "certfile " + serverCert,
        "keyfile " + serverKey,
        // TLS 1.2, so that a refused client certificate fails the handshake itself, where the device
        // reports it as a TLS failure (TLS 1.3 reports it only after the handshake).
        "tls_version tlsv1.2",
        "require_certificate " + requireClientCertificate,
        "");
    Files.write(config, text.getBytes(StandardCharsets.UTF_8));
    process = new ProcessBuilder(binary.toString(), "-c", config.toString()).redirectErrorStream(true).start();
    CountDownLatch running = new CountDownLatch(1);
    Thread reader = new Thread(() -> read(running), "tls-mosquitto-log-" + tlsPort);
    reader.setDaemon(true);
    reader.start();
    if (!running.await(10, TimeUnit.SECONDS) || !process.isAlive() || recentLog().contains("Error")) {
      close();
      throw new IllegalStateException("TLS mosquitto did not start:\n" + recentLog());
    }
  }

  String tlsUri() {
    return "ssl://127.0.0.1:" + tlsPort;
  }

  String plainUri() {
    return "tcp://127.0.0.1:" + plainPort;
  }

  synchronized String recentLog() {
    return String.join("\n", log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  private void read(CountDownLatch running) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (this) {
          if (log.size() == 200) {
            log.removeFirst();
          }
          log.addLast(line);
        }
        if (line.contains("mosquitto version") && line.endsWith(" running")) {
          running.countDown();
        }
      }
    } catch (IOException e) {
      // the process is gone
    } finally {
      running.countDown();
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
