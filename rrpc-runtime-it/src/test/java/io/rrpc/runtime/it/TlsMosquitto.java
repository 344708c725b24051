package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto process with the TLS listeners {@link TlsTest} needs, until the testkit's
 * {@code MosquittoBroker} can open them. Tests using it are skipped when Mosquitto is not installed, unless the system property
 * {@code rrpc.it.mosquitto=required} (set by CI) makes that a failure.
 */
final class TlsMosquitto implements AutoCloseable {
  private static final String[] LOCATIONS = {"/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto"};

  private final Path config;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private Process process;

  private TlsMosquitto(Path config) {
    this.config = config;
  }

  /** Skips the calling test if Mosquitto is missing (fails it when Mosquitto is required). */
  static Path executable() {
    for (String location : LOCATIONS) {
      if (Files.isExecutable(Paths.get(location))) {
        return Paths.get(location);
      }
    }
    if ("required".equals(System.getProperty("rrpc.it.mosquitto"))) {
      fail("mosquitto is required (rrpc.it.mosquitto=required) but not installed");
    }
    assumeTrue(false, "mosquitto is not installed; skipping");
    return null;
  }

  /**
   * Starts Mosquitto with this configuration (listeners and all) written to {@code dir}, and waits until
   * it runs.
   */
  static TlsMosquitto start(Path dir, String configText) throws Exception {
    executable();
    Path config = dir.resolve("mosquitto.conf");
    // "user root": started as root (containers), Mosquitto would otherwise switch to the mosquitto user,
    // which cannot read the test's key files; started as anyone else, the option does nothing.
    Files.write(config, ("user root\nallow_anonymous true\nset_tcp_nodelay true\npersistence false\nlog_dest stderr\n"
        + configText).getBytes(StandardCharsets.UTF_8));
    TlsMosquitto broker = new TlsMosquitto(config);
    broker.start();
    return broker;
  }

  /** Starts the process (again, after {@link #stop()}), waiting until it has opened its listeners. */
  void start() throws Exception {
    output.clear();
    process = new ProcessBuilder(executable().toString(), "-c", config.toString()).redirectErrorStream(true).start();
    CountDownLatch running = new CountDownLatch(1);
    Process p = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          output.add(line);
          if (line.contains(" running")) {
            running.countDown();
          }
        }
      } catch (IOException e) {
        // The process ended.
      }
      running.countDown();
    }, "mosquitto-output");
    reader.setDaemon(true);
    reader.start();
    if (!running.await(10, TimeUnit.SECONDS) || !process.isAlive()) {
      process.destroyForcibly();
      throw new IllegalStateException("mosquitto did not start:\n" + String.join("\n", output));
    }
  }

  /** Stops the process (SIGTERM) and waits for it to exit: every client's connection drops. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
