package io.rrpc.testkit;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * An MQTT 3.1.1 and 3.1 broker (Moquette) in this JVM standing in for Tencent's hub: it delivers client
 * publishes on {@code $rrpc/...} topics to explicit subscriptions and, by default, checks each device's
 * KEY-mode login against the devices registered on it. {@link #start()} listens on 127.0.0.1 and a port
 * the OS picks, for tests; {@link #builder()} binds a chosen address and port, for a local hub that
 * real devices reach (e.g. {@code 0.0.0.0:1883}).
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.start()) {
 *   String secret = broker.registerDevice("KL4J2XXXX8", "airConditioner1");
 *   // connect a device to broker.uri() with that secret, a HubSimulator to the broker, ...
 * }
 * }</pre>
 *
 * <p>What the broker sees of its clients is observable: {@link #addListener} hears logins accepted and
 * refused, subscriptions and disconnections as they happen; {@link #connectedDevices()} and {@link
 * #connectedDevice} tell who is connected now, since when, and subscribed to what.
 *
 * <p>The credential check refuses a login that Tencent's hub would refuse (see the project docs) with
 * CONNACK return code 4, "bad user name or password" (Moquette has no way to send code 5, "not
 * authorized"); {@link #loginRefusals()} tells why. Anonymous clients are refused too, except the
 * hub's own service client ({@link #serviceConnectOptions()}). Without the check every client is let in.
 *
 * <p>A known Moquette race (0.17, still in its current code): it marks a connection established in a
 * listener that can run after the client's next packet, so a client that subscribes the instant it has
 * its CONNACK is, rarely (a fraction of a percent of connections here), dropped with "SUBSCRIBE received
 * on already closed connection" in the log. Clients should treat a connection lost right after
 * connecting like any other and reconnect; {@link HubSimulator} does.
 *
 * <p>Persistence, websockets and telemetry are off; Moquette's own logging is set to WARNING unless
 * {@code io.moquette.level} is configured. Moquette's full shutdown takes about 2 s: Netty's graceful shutdown
 * waits for a quiet period that Moquette does not let us shorten, so it finishes in the background once
 * the port is closed. Thread-safe.
 */
public final class EmbeddedBroker implements LocalBroker {
  private static final Logger LOG = Logger.getLogger("io.rrpc.testkit.broker");
  // Held strongly: java.util.logging forgets the level of a logger nobody references.
  private static final Logger MOQUETTE_LOG = quietUnlessConfigured("io.moquette");
  private static final Logger NETTY_LOG = quietUnlessConfigured("io.netty");
  /** The largest MQTT packet; the hub, not the broker, enforces the payload limit. */
  private static final int MAX_MQTT_PACKET = 268_435_455;
  private static final String LOOPBACK = "127.0.0.1";

  private final Server server;
  private final String bindHost;
  private final int port;
  private final boolean checkCredentials;
  private final DeviceRegistry registry = new DeviceRegistry();
  private final BrokerListeners listeners = new BrokerListeners();
  private final MoquettePresence presence = new MoquettePresence(listeners);
  private final BrokerLogin login;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedBroker(Builder options) {
    this.checkCredentials = options.checkCredentials;
    this.bindHost = options.host;
    this.login = new BrokerLogin(checkCredentials, registry, presence, listeners);
    for (BrokerListener listener : options.listeners) {
      listeners.add(listener);
    }
    Server started = null;
    int startedPort = 0;
    RuntimeException failure = null;
    // Moquette can bind port 0, but reads the port back into a plain HashMap from a Netty thread,
    // racing with getPort(): take a port the OS reports free instead, and retry if someone takes it first.
    int attempts = options.port == 0 ? 5 : 1;
    for (int attempt = 0; attempt < attempts && started == null; attempt++) {
      int candidate = options.port == 0 ? freePort(bindHost) : options.port;
      Server s = new Server();
      presence.attach(s);
      try {
        s.startServer(new MemoryConfig(config(bindHost, candidate, checkCredentials)),
            Collections.singletonList(presence), null, login, presence);
        LongMqtt31ClientIds.allow(s, MAX_MQTT_PACKET);
        started = s;
        startedPort = candidate;
      } catch (IOException e) {
        failure = new UncheckedIOException(e);
        stopInBackground(s, candidate);
      } catch (RuntimeException e) { // Moquette's "Cannot bind to port" is one
        failure = e;
        stopInBackground(s, candidate);
      }
    }
    if (started == null) {
      throw new IllegalStateException("cannot start the embedded MQTT broker on " + bindHost + ":"
          + (options.port == 0 ? "a free port" : options.port) + ": " + failure.getMessage(), failure);
    }
    this.server = started;
    this.port = startedPort;
    LOG.fine(() -> "embedded broker on " + bindHost + ":" + port + (checkCredentials ? " checking KEY logins" : ""));
  }

  /**
   * Starts a broker on 127.0.0.1 and a free port that checks device credentials.
   *
   * @return the started broker
   */
  public static EmbeddedBroker start() {
    return builder().start();
  }

  /**
   * Starts a broker on 127.0.0.1 and a free port; with {@code checkCredentials} false it lets every client
   * in, registered or not, with any username and password.
   *
   * @param checkCredentials false to let every client in
   * @return the started broker
   */
  public static EmbeddedBroker start(boolean checkCredentials) {
    return builder().checkCredentials(checkCredentials).start();
  }

  /**
   * Starts a broker that checks device credentials on the given address and port, e.g. {@code
   * ("0.0.0.0", 1883)} for devices on the network; port 0 picks a free one.
   *
   * @param host the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
   * @param port the port, or 0 for a free one
   * @return the started broker
   * @throws IllegalStateException naming the address when it cannot be bound (e.g. the port is in use)
   */
  public static EmbeddedBroker start(String host, int port) {
    return builder().bind(host, port).start();
  }

  /**
   * Options for a broker: where it listens, whether it checks logins, who hears its events.
   *
   * @return a builder for 127.0.0.1, a free port, credentials checked
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int port() {
    return port;
  }

  /** {@code 127.0.0.1} when bound to every address (or loopback), else the address it is bound to. */
  @Override
  public String host() {
    return isWildcard(bindHost) ? LOOPBACK : bindHost;
  }

  /**
   * The address the broker listens on.
   *
   * @return as given to {@link Builder#bind}, {@code 127.0.0.1} by default
   */
  public String bindHost() {
    return bindHost;
  }

  @Override
  public DevicePresence presence() {
    return presence;
  }

  /**
   * Whether logins are checked against the registered devices.
   *
   * @return true unless started with {@code checkCredentials(false)}
   */
  public boolean checksCredentials() {
    return checkCredentials;
  }

  /**
   * Registers a device with a fresh random secret, as the console does, and returns the secret (base64).
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @return the new secret (base64)
   * @throws IllegalArgumentException for an empty name, one with {@code / + # ;} or whitespace, or a
   *     clientId {@code {productId}{deviceName}} already taken by another product
   */
  public String registerDevice(String productId, String deviceName) {
    return registry.register(productId, deviceName);
  }

  /**
   * Registers a device with the given base64 secret, or changes the secret of a registered one.
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @param deviceSecretBase64 the device secret as the console shows it (base64)
   */
  public void registerDevice(String productId, String deviceName, String deviceSecretBase64) {
    registry.register(productId, deviceName, deviceSecretBase64);
  }

  /**
   * Whether a device is registered.
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @return whether it is registered
   */
  public boolean isRegistered(String productId, String deviceName) {
    return registry.contains(productId, deviceName);
  }

  /**
   * Connect options for a trusted service client (the hub side): the broker's own service credentials
   * when it checks logins, none otherwise. A fresh object on each call.
   *
   * @return fresh options; add the client's own settings to them
   */
  public MqttConnectOptions serviceConnectOptions() {
    return login.serviceConnectOptions();
  }

  /**
   * Why logins were refused, oldest first, as {@code "<clientId>: <reason>"}; never quotes a password.
   *
   * @return a copy of the refusals so far
   */
  public List<String> loginRefusals() {
    return new ArrayList<>(login.refusals());
  }

  /**
   * Starts telling {@code listener} what the broker sees of its clients; see {@link BrokerListener}.
   *
   * @param listener called on the broker's threads
   */
  public void addListener(BrokerListener listener) {
    listeners.add(listener);
  }

  /**
   * Stops telling a listener added with {@link #addListener}.
   *
   * @param listener the listener to remove
   */
  public void removeListener(BrokerListener listener) {
    listeners.remove(listener);
  }

  /**
   * Every client connected now (devices and service clients alike).
   *
   * @return a snapshot, ordered by clientId
   */
  public List<ConnectedDevice> connectedDevices() {
    return presence.connected();
  }

  /**
   * The device's connection now: when it logged in and what it subscribed to.
   *
   * @param productId the device's product
   * @param deviceName the device's name
   * @return a snapshot, or empty when the device is offline
   */
  public Optional<ConnectedDevice> connectedDevice(String productId, String deviceName) {
    return Optional.ofNullable(presence.connected(productId + deviceName));
  }

  /**
   * Stops the broker: returns once its port refuses connections, which drops every client. Idempotent.
   *
   * <p>Moquette's own shutdown then goes on for about 2 s on a thread of its own: Netty's graceful
   * shutdown waits for a quiet period that Moquette does not let us shorten, and nothing waits for it,
   * since each broker has its own port and state.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    stopInBackground(server, port);
    // Netty closes the listening socket and the client connections first, within milliseconds. Probing
    // by binding the port, not by connecting: a connection accepted mid-shutdown makes Netty log errors.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!isFree(bindHost, port) && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  @Override
  public String toString() {
    return "EmbeddedBroker{" + bindHost + ":" + port + (checkCredentials ? ", checking credentials" : "") + "}";
  }

  DeviceRegistry registry() {
    return registry;
  }

  /** Where a broker listens, whether it checks logins, and who hears its events from the start. */
  public static final class Builder {
    private String host = LOOPBACK;
    private int port;
    private boolean checkCredentials = true;
    private final List<BrokerListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * The address and port to listen on: {@code 0.0.0.0} (every IPv4 address), a name or a literal
     * address; port 0 (the default, on {@code 127.0.0.1}) picks a free one.
     *
     * @param host the address or name to bind
     * @param port 0 to 65535
     * @return this
     */
    public Builder bind(String host, int port) {
      if (host == null || host.isEmpty()) {
        throw new IllegalArgumentException("host must be an address or name, e.g. 0.0.0.0 or 127.0.0.1");
      }
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0 (a free one) to 65535, was " + port);
      }
      this.host = host;
      this.port = port;
      return this;
    }

    /**
     * Whether to check logins as the hub does (the default), or let every client in.
     *
     * @param checkCredentials false to let every client in
     * @return this
     */
    public Builder checkCredentials(boolean checkCredentials) {
      this.checkCredentials = checkCredentials;
      return this;
    }

    /**
     * A listener that hears every event, from the first login on; more can be added later.
     *
     * @param listener called on the broker's threads
     * @return this
     */
    public Builder listener(BrokerListener listener) {
      if (listener == null) {
        throw new NullPointerException("listener");
      }
      listeners.add(listener);
      return this;
    }

    /**
     * Starts the broker; it is listening when this returns.
     *
     * @return the started broker
     * @throws IllegalStateException naming the address when it cannot be bound (e.g. the port is in use)
     */
    public EmbeddedBroker start() {
      return new EmbeddedBroker(this);
    }
  }

  private static Properties config(String host, int port, boolean checkCredentials) {
    Properties config = new Properties();
    config.setProperty("host", host);
    config.setProperty("port", Integer.toString(port));
    config.setProperty("websocket_port", "disabled");
    config.setProperty("persistence_enabled", "false");
    config.setProperty("telemetry_enabled", "false");
    config.setProperty("allow_anonymous", Boolean.toString(!checkCredentials));
    config.setProperty("buffer_flush_millis", "0");
    config.setProperty("netty.tcp_nodelay", "true");
    config.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MQTT_PACKET));
    return config;
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  private static int freePort(String host) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(host, 0), 1);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }

  /** Runs Moquette's 2 s shutdown on a thread of its own. */
  private static void stopInBackground(Server server, int port) {
    Thread stopper = new Thread(() -> {
      try {
        server.stopServer();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "stopping a broker that did not start", e);
      }
    }, "rrpc-embedded-broker-stop-" + port);
    stopper.start();
  }

  private static boolean isFree(String host, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true); // connections in TIME_WAIT do not count, a listener does
      s.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Logger quietUnlessConfigured(String name) {
    Logger logger = Logger.getLogger(name);
    if (logger.getLevel() == null) {
      logger.setLevel(Level.WARNING);
    }
    return logger;
  }
}
