package io.rrpc.bench.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Mosquitto for a fleet: a child process on a free port of 127.0.0.1 with no limit on connections and
 * only warnings and errors logged (the testkit's broker logs every packet, which for thousands of
 * devices costs the broker more than the devices do). Each connection is one file descriptor of the
 * broker process, so it inherits the caller's {@code ulimit -n}: {@link #openFileLimit()} says what it got.
 */
final class FleetBroker implements AutoCloseable {
  private static final int LOG_LINES_KEPT = 50;

  private final Path directory;
  private final int port;
  private volatile Process process;
  private final Deque<String> log = new ArrayDeque<>();

  private FleetBroker(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** Starts {@code mosquitto} (from /usr/sbin or the PATH) and returns once it accepts connections. */
  static FleetBroker start() throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("rrpc-fleet-mosquitto-");
    int port = freePort();
    Files.write(directory.resolve("mosquitto.conf"), String.join("\n",
        "listener " + port + " 127.0.0.1",
        "allow_anonymous true",
        "max_connections -1",
        "set_tcp_nodelay true",
        "persistence false",
        "log_dest stderr",
        "log_type error",
        "log_type warning",
        "connection_messages false",
        "").getBytes(StandardCharsets.UTF_8));
    FleetBroker broker = new FleetBroker(directory, port);
    broker.launch();
    return broker;
  }

  /**
   * Kills the broker (SIGKILL, as a crash would: every device sees its connection reset) and starts it
   * again on the same port.
   */
  void restart() throws IOException, InterruptedException {
    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    launch();
  }

  private void launch() throws IOException, InterruptedException {
    String binary = Files.isExecutable(Paths.get("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
    Process started = new ProcessBuilder(binary, "-c", directory.resolve("mosquitto.conf").toString())
        .redirectErrorStream(true).start();
    process = started;
    Thread reader = new Thread(() -> drainLog(started), "fleet-mosquitto-log");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!accepts(port)) {
      if (!started.isAlive() || System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException("mosquitto did not start on port " + port + ": " + recentLog());
      }
      // Polling a port has no event to wait on; mosquitto binds within milliseconds.
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  /** The broker process's soft limit on open files ({@code Max open files} of /proc/pid/limits), or -1. */
  long openFileLimit() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/" + process.pid() + "/limits"))) {
        if (line.startsWith("Max open files")) {
          return Long.parseLong(line.substring("Max open files".length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  /** The broker's resident set in KiB ({@code VmRSS}), or -1. */
  long rssKib() {
    return ProcStatus.of(process.pid()).kib("VmRSS");
  }

  synchronized String recentLog() {
    return String.join("\n", log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(directory.resolve("mosquitto.conf"));
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }

  private void drainLog(Process process) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (this) {
          if (log.size() == LOG_LINES_KEPT) {
            log.removeFirst();
          }
          log.addLast(line);
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
