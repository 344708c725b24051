package io.rrpc.testkit;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * An MQTT 3.1.1 broker (Moquette) in this JVM on 127.0.0.1 and a port the OS picks, standing in for
 * Tencent's hub: it delivers client publishes on {@code $rrpc/...} topics to explicit subscriptions and,
 * by default, checks each device's KEY-mode login against the devices registered on it.
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.start()) {
 *   String secret = broker.registerDevice("KL4J2XXXX8", "airConditioner1");
 *   // connect a device to broker.uri() with that secret, a HubSimulator to the broker, ...
 * }
 * }</pre>
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
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SERVICE_USERNAME = "rrpc-testkit-service";
  /** The largest MQTT packet; the hub, not the broker, enforces the payload limit. */
  private static final int MAX_MQTT_PACKET = 268_435_455;

  private final Server server;
  private final int port;
  private final boolean checkCredentials;
  private final DeviceRegistry registry;
  private final MoquettePresence presence;
  private final byte[] servicePassword;
  private final List<String> refusals = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedBroker(boolean checkCredentials) {
    this.checkCredentials = checkCredentials;
    this.registry = new DeviceRegistry();
    this.presence = new MoquettePresence();
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    this.servicePassword = hex(random).getBytes(StandardCharsets.US_ASCII);

    Server started = null;
    int startedPort = 0;
    RuntimeException failure = null;
    // Moquette can bind port 0, but reads the port back into a plain HashMap from a Netty thread,
    // racing with getPort(): take a port the OS reports free instead, and retry if someone takes it first.
    for (int attempt = 0; attempt < 5 && started == null; attempt++) {
      int candidate = freePort();
      Server s = new Server();
      presence.attach(s);
      try {
        s.startServer(new MemoryConfig(config(candidate, checkCredentials)), Collections.singletonList(presence),
            null, new Login(), presence);
        started = s;
        startedPort = candidate;
      } catch (IOException e) {
        failure = new UncheckedIOException(e);
        stopInBackground(s, candidate);
      } catch (RuntimeException e) { // Moquette's "could not bind" is one
        failure = e;
        stopInBackground(s, candidate);
      }
    }
    if (started == null) {
      throw new IllegalStateException("cannot start the embedded MQTT broker", failure);
    }
    this.server = started;
    this.port = startedPort;
    LOG.fine(() -> "embedded broker on " + uri() + (checkCredentials ? " checking KEY logins" : ""));
  }

  /**
   * Starts a broker that checks device credentials.
   *
   * @return the running broker, on a free port of 127.0.0.1
   */
  public static EmbeddedBroker start() {
    return new EmbeddedBroker(true);
  }

  /**
   * Starts a broker; with {@code checkCredentials} false it lets every client in, registered or not,
   * with any username and password.
   *
   * @param checkCredentials whether device logins are checked against the registered devices
   * @return the running broker, on a free port of 127.0.0.1
   */
  public static EmbeddedBroker start(boolean checkCredentials) {
    return new EmbeddedBroker(checkCredentials);
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
   * Whether logins are checked against the registered devices.
   *
   * @return true when logins are checked
   */
  public boolean checksCredentials() {
    return checkCredentials;
  }

  /**
   * Registers a device with a fresh random secret, as the console does, and returns the secret (base64).
   *
   * @param productId the device's product
   * @param deviceName the device's name within the product
   * @return the device secret, base64
   * @throws IllegalArgumentException for an empty name, one with {@code / + # ;} or whitespace, or a
   *     clientId {@code {productId}{deviceName}} already taken by another product
   */
  public String registerDevice(String productId, String deviceName) {
    return registry.register(productId, deviceName);
  }

  /**
   * Registers a device with the given base64 secret, or changes the secret of a registered one.
   *
   * @param productId the device's product
   * @param deviceName the device's name within the product
   * @param deviceSecretBase64 the device secret, base64, as {@code device_info.json} holds it
   */
  public void registerDevice(String productId, String deviceName, String deviceSecretBase64) {
    registry.register(productId, deviceName, deviceSecretBase64);
  }

  /**
   * Whether a device is registered.
   *
   * @param productId the device's product
   * @param deviceName the device's name within the product
   * @return true when the device is registered
   */
  public boolean isRegistered(String productId, String deviceName) {
    return registry.contains(productId, deviceName);
  }

  /**
   * Connect options for a trusted service client (the hub side): the broker's own service credentials
   * when it checks logins, none otherwise. A fresh object on each call.
   *
   * @return options with the service credentials set, or none
   */
  public MqttConnectOptions serviceConnectOptions() {
    MqttConnectOptions options = new MqttConnectOptions();
    if (checkCredentials) {
      options.setUserName(SERVICE_USERNAME);
      options.setPassword(new String(servicePassword, StandardCharsets.US_ASCII).toCharArray());
    }
    return options;
  }

  /**
   * Why logins were refused, oldest first, as {@code "<clientId>: <reason>"}; never quotes a password.
   *
   * @return a copy of the refusals so far
   */
  public List<String> loginRefusals() {
    return new ArrayList<>(refusals);
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
    while (!isFree(port) && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  @Override
  public String toString() {
    return "EmbeddedBroker{" + uri() + (checkCredentials ? ", checking credentials" : "") + "}";
  }

  DeviceRegistry registry() {
    return registry;
  }

  /** Moquette's login hook; runs on a Netty thread before the CONNACK. */
  private final class Login implements IAuthenticator {
    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
      if (!checkCredentials) {
        presence.loggedIn(clientId);
        return true;
      }
      if (SERVICE_USERNAME.equals(username)) {
        boolean ok = password != null && MessageDigest.isEqual(password, servicePassword);
        if (ok) {
          presence.loggedIn(clientId);
        } else {
          refuse(clientId, "wrong service password");
        }
        return ok;
      }
      long now = TimeUnit.MILLISECONDS.toSeconds(System.currentTimeMillis());
      String refusal = KeyCredentialCheck.refusal(clientId, username, password, registry.secretOf(clientId), now);
      if (refusal != null) {
        refuse(clientId, refusal);
        return false;
      }
      presence.loggedIn(clientId);
      return true;
    }

    private void refuse(String clientId, String reason) {
      refusals.add(clientId + ": " + reason);
      LOG.info(() -> "login refused for " + clientId + ": " + reason);
    }
  }

  private static Properties config(int port, boolean checkCredentials) {
    Properties config = new Properties();
    config.setProperty("host", "127.0.0.1");
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

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
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

  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true); // connections in TIME_WAIT do not count, a listener does
      s.bind(new InetSocketAddress("127.0.0.1", port));
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

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02x", b));
    }
    return s.toString();
  }
}
