package io.rrpc.testkit;

import java.io.BufferedReader;
import java.io.File;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Debian's {@code mosquitto} as an independent broker for tests: started as a child process on
 * 127.0.0.1 and a free port with a configuration written to a temporary directory, and stopped through
 * its own process handle. {@link #restart()} brings it back on the same ports, e.g. to test reconnects.
 *
 * <pre>{@code
 * try (MosquittoBroker mosquitto = MosquittoBroker.startOrSkip();
 *     HubSimulator hub = HubSimulator.connect(mosquitto)) { ... }
 * }</pre>
 *
 * <p>With {@link #builder()}, it also gets TLS listeners ({@link MosquittoTls}), each on a free port of
 * its own ({@link #tlsUri}), beside the plain one ({@link #uri()}) that the hub uses.
 *
 * <p>Its log ({@code log_type all}) is read continuously: it is how {@link #presence()} knows which
 * devices are connected and subscribed, and {@link #recentLog()} keeps its last lines for diagnostics.
 * Mosquitto checks no credentials here (it takes any client). Thread-safe.
 */
public final class MosquittoBroker implements LocalBroker {
  /** The system property that, set to {@code required}, turns a missing binary into a failure. */
  public static final String REQUIRED_PROPERTY = "rrpc.it.mosquitto";
  /** The system property naming the binary, when it is neither /usr/sbin/mosquitto nor on the PATH. */
  public static final String BINARY_PROPERTY = "rrpc.mosquitto.binary";

  private static final Logger LOG = Logger.getLogger("io.rrpc.testkit.mosquitto");
  private static final int LOG_LINES_KEPT = 400;
  private static final long START_TIMEOUT_MILLIS = 10_000;

  private final Path binary;
  private final Path directory;
  private final int port;
  private final Map<MosquittoTls, Integer> tlsPorts;
  private final MosquittoLogPresence presence = new MosquittoLogPresence();
  private final Deque<String> recentLog = new ArrayDeque<>();
  private final Thread shutdownHook;
  private Process process; // guarded by this
  private Thread logReader; // guarded by this
  private boolean closed; // guarded by this

  private MosquittoBroker(Path binary, Path directory, int port, Map<MosquittoTls, Integer> tlsPorts) {
    this.binary = binary;
    this.directory = directory;
    this.port = port;
    this.tlsPorts = tlsPorts;
    // A test JVM that exits without closing must not leave a broker behind.
    this.shutdownHook = new Thread(this::destroyProcess, "mosquitto-shutdown-" + port);
  }

  /**
   * Where the binary is: {@value #BINARY_PROPERTY}, else /usr/sbin/mosquitto, else on the PATH.
   *
   * @return the binary, or empty when none is found
   */
  public static Optional<Path> findBinary() {
    String configured = System.getProperty(BINARY_PROPERTY);
    if (configured != null && !configured.isEmpty()) {
      Path p = Paths.get(configured);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    Path sbin = Paths.get("/usr/sbin/mosquitto");
    if (Files.isExecutable(sbin)) {
      return Optional.of(sbin);
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Paths.get(dir, "mosquitto");
        if (!dir.isEmpty() && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code -Drrpc.it.mosquitto=required} is set, so that Mosquitto tests must not be skipped.
   *
   * @return whether a missing binary fails tests
   */
  public static boolean isRequired() {
    return "required".equalsIgnoreCase(System.getProperty(REQUIRED_PROPERTY, ""));
  }

  /**
   * Starts Mosquitto; when the binary is absent, skips the calling test with the reason (by throwing
   * opentest4j's {@code TestAbortedException}, which JUnit 5 reports as skipped), or fails with an
   * {@link IllegalStateException} when {@link #isRequired()}.
   *
   * @return the running broker
   */
  public static MosquittoBroker startOrSkip() {
    return builder().startOrSkip();
  }

  /**
   * Options: TLS listeners, another binary.
   *
   * @return a builder for a plain listener only
   */
  public static Builder builder() {
    return new Builder();
  }

  /** What a {@link MosquittoBroker} listens on, and which binary runs it. */
  public static final class Builder {
    private final List<MosquittoTls> tls = new ArrayList<>();
    private Path binary;

    private Builder() {}

    /**
     * A TLS listener, on a free port of its own; add several for different settings.
     *
     * @param listener the listener's settings
     * @return this
     */
    public Builder tls(MosquittoTls listener) {
      tls.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * The binary to run instead of {@link #findBinary()}'s.
     *
     * @param binary the mosquitto executable
     * @return this
     */
    public Builder binary(Path binary) {
      this.binary = Objects.requireNonNull(binary, "binary");
      return this;
    }

    /**
     * Starts Mosquitto.
     *
     * @return the running broker
     * @throws IllegalStateException when it is not installed or does not start
     */
    public MosquittoBroker start() {
      Path b = binary != null ? binary
          : findBinary().orElseThrow(() -> new IllegalStateException("mosquitto is not installed"));
      return MosquittoBroker.start(b, tls);
    }

    /**
     * Starts Mosquitto; when the binary is absent, skips the calling test as {@link
     * MosquittoBroker#startOrSkip()} does, or fails when {@link #isRequired()}.
     *
     * @return the running broker
     */
    public MosquittoBroker startOrSkip() {
      if (binary == null) {
        skipUnlessInstalled();
      }
      return start();
    }
  }

  private static void skipUnlessInstalled() {
    Optional<Path> binary = findBinary();
    if (!binary.isPresent()) {
      String why = "mosquitto is not installed (no /usr/sbin/mosquitto, none on the PATH; "
          + "Debian: apt-get install mosquitto)";
      if (isRequired()) {
        throw new IllegalStateException(why + " but -D" + REQUIRED_PROPERTY + "=required");
      }
      throw TestSkip.because(why + "; skipped, -D" + REQUIRED_PROPERTY + "=required makes this a failure");
    }
  }

  /**
   * Starts Mosquitto from {@link #findBinary()}.
   *
   * @return the running broker
   * @throws IllegalStateException when it is not installed or does not start
   */
  public static MosquittoBroker start() {
    return builder().start();
  }

  /**
   * Starts the given Mosquitto binary on a free port of 127.0.0.1.
   *
   * @param binary the mosquitto executable
   * @return the running broker
   */
  public static MosquittoBroker start(Path binary) {
    return start(binary, Collections.emptyList());
  }

  private static MosquittoBroker start(Path binary, List<MosquittoTls> tls) {
    Path directory;
    try {
      directory = Files.createTempDirectory("rrpc-mosquitto-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    IllegalStateException last = null;
    // The OS picks a free port, which is closed again before Mosquitto binds it: another process may
    // take it in between, so a bind failure is retried on a new port.
    for (int attempt = 0; attempt < 5; attempt++) {
      Map<MosquittoTls, Integer> tlsPorts = new IdentityHashMap<>();
      for (MosquittoTls listener : tls) {
        tlsPorts.put(listener, freePort(listener.address()));
      }
      MosquittoBroker broker = new MosquittoBroker(binary, directory, freePort("127.0.0.1"), tlsPorts);
      try {
        broker.launch();
        Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
        return broker;
      } catch (PortTakenException e) {
        last = e;
      } catch (RuntimeException e) {
        deleteDirectory(directory);
        throw e;
      }
    }
    deleteDirectory(directory);
    throw last;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public DevicePresence presence() {
    return presence;
  }

  /**
   * The URI of the broker's one TLS listener.
   *
   * @return {@code ssl://<address>:<port>}
   * @throws IllegalStateException when the broker was started with no TLS listener, or several
   */
  public String tlsUri() {
    if (tlsPorts.size() != 1) {
      throw new IllegalStateException("this broker has " + tlsPorts.size() + " TLS listeners: name one");
    }
    return tlsUri(tlsPorts.keySet().iterator().next());
  }

  /**
   * The URI of a TLS listener given to the {@link Builder}.
   *
   * @param listener one of the builder's listeners
   * @return {@code ssl://<address>:<port>}
   * @throws IllegalArgumentException for a listener this broker was not started with
   */
  public String tlsUri(MosquittoTls listener) {
    return "ssl://" + listener.address() + ":" + tlsPort(listener);
  }

  /**
   * The port of a TLS listener given to the {@link Builder}.
   *
   * @param listener one of the builder's listeners
   * @return its port, the same across {@link #restart()}
   */
  public int tlsPort(MosquittoTls listener) {
    Integer p = tlsPorts.get(listener);
    if (p == null) {
      throw new IllegalArgumentException("this broker has no such TLS listener: " + listener);
    }
    return p;
  }

  /**
   * Whether the process is running.
   *
   * @return whether the mosquitto process is alive
   */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Stops the process (SIGTERM, then SIGKILL after 5 s); every client loses its connection. */
  public synchronized void stop() {
    destroyProcess();
    if (logReader != null) {
      try {
        logReader.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      logReader = null;
    }
    presence.reset();
  }

  /**
   * Kills the process with SIGKILL, as a crash or a power cut would: no clean shutdown, and clients see
   * their connection reset rather than closed. {@link #restart()} brings it back on the same port.
   */
  public synchronized void kill() {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
      try {
        p.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    stop(); // the process is gone: this only collects its log reader and resets presence
  }

  /** Stops the process if it runs and starts it again on the same ports. */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    stop();
    try {
      launch();
    } catch (PortTakenException e) {
      throw new IllegalStateException("cannot restart mosquitto: port " + port + " was taken meanwhile", e);
    }
  }

  /** Stops the process and deletes its temporary directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
    deleteDirectory(directory);
  }

  /**
   * The last lines Mosquitto logged, oldest first.
   *
   * @return up to the last 400 lines, one per line
   */
  public String recentLog() {
    synchronized (recentLog) {
      return String.join("\n", recentLog);
    }
  }

  @Override
  public String toString() {
    return "MosquittoBroker{" + uri() + "}";
  }

  private synchronized void launch() {
    Path config = directory.resolve("mosquitto.conf");
    StringBuilder text = new StringBuilder(String.join("\n",
        // Started as root, Mosquitto would switch to its own user, who cannot read the test's key files.
        "user " + System.getProperty("user.name"),
        "allow_anonymous true",
        "set_tcp_nodelay true",
        "persistence false",
        // stderr, not stdout: C buffers stdout into a pipe in blocks, stderr goes out line by line.
        "log_dest stderr",
        "log_type all",
        "connection_messages true",
        "log_timestamp false",
        "listener " + port + " 127.0.0.1",
        ""));
    tlsPorts.forEach((listener, tlsPort) -> text.append(listener.configLines(tlsPort)));
    CountDownLatch running = new CountDownLatch(1);
    try {
      Files.write(config, text.toString().getBytes(StandardCharsets.UTF_8));
      process = new ProcessBuilder(binary.toString(), "-c", config.toString())
          .directory(directory.toFile())
          .redirectErrorStream(true)
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
    }
    Process started = process;
    logReader = new Thread(() -> readLog(started, running), "mosquitto-log-" + port);
    logReader.setDaemon(true);
    logReader.start();
    try {
      boolean up = running.await(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      if (up && started.isAlive() && accepts("127.0.0.1", port) && tlsListenersAccept()) {
        LOG.fine(() -> "mosquitto on " + uri());
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop();
    String log = recentLog();
    if (log.contains("Address already in use")) {
      throw new PortTakenException("port " + port + " is taken:\n" + log);
    }
    throw new IllegalStateException("mosquitto did not start on " + uri() + "; its log:\n" + log);
  }

  /** Drains the process output (Mosquitto would block on a full pipe) into the presence view. */
  private void readLog(Process p, CountDownLatch running) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (recentLog) {
          if (recentLog.size() == LOG_LINES_KEPT) {
            recentLog.removeFirst();
          }
          recentLog.addLast(line);
        }
        presence.onLine(line);
        if (line.startsWith("mosquitto version ") && line.endsWith(" running")) {
          running.countDown();
        }
      }
    } catch (IOException e) {
      // The process is gone.
    } finally {
      running.countDown();
    }
  }

  private synchronized void destroyProcess() {
    Process p = process;
    if (p == null) {
      return;
    }
    process = null;
    p.destroy();
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private boolean tlsListenersAccept() {
    for (Map.Entry<MosquittoTls, Integer> listener : tlsPorts.entrySet()) {
      if (!accepts(listener.getKey().address(), listener.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean accepts(String address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort(String address) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(address, 0), 1);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + address, e);
    }
  }

  private static void deleteDirectory(Path directory) {
    File[] files = directory.toFile().listFiles();
    if (files != null) {
      for (File f : files) {
        f.delete();
      }
    }
    directory.toFile().delete();
  }

  /** Mosquitto could not bind its port. */
  private static final class PortTakenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortTakenException(String message) {
      super(message);
    }
  }
}
