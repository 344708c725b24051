package io.rrpc.runtime;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.Properties;

/**
 * A real MQTT broker in-process (Moquette 0.17) on a free 127.0.0.1 port, for the runtime's own
 * end-to-end tests. Starts in a fraction of a second, keeps nothing on disk, phones nowhere.
 */
final class MoquetteBroker implements AutoCloseable {
  private final Server server = new Server();
  private final int port;

  private MoquetteBroker(int port) {
    this.port = port;
  }

  /** A broker that lets anyone in. */
  static MoquetteBroker start() {
    return start(null);
  }

  /** A broker that checks every CONNECT with {@code authenticator} ({@code null}: anyone). */
  static MoquetteBroker start(IAuthenticator authenticator) {
    return start(freePort(), authenticator, null);
  }

  /**
   * A broker on {@code port} that checks CONNECTs with {@code authenticator} and topic access with
   * {@code authorizator} ({@code null}: anyone, anything).
   */
  static MoquetteBroker start(int port, IAuthenticator authenticator, IAuthorizatorPolicy authorizator) {
    MoquetteBroker broker = new MoquetteBroker(port);
    broker.startServer(authenticator, authorizator);
    return broker;
  }

  private void startServer(IAuthenticator authenticator, IAuthorizatorPolicy authorizator) {
    Properties p = new Properties();
    p.setProperty("host", "127.0.0.1");
    p.setProperty("port", Integer.toString(port));
    p.setProperty("websocket_port", "disabled");
    p.setProperty("persistence_enabled", "false");
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("allow_anonymous", Boolean.toString(authenticator == null));
    p.setProperty("immediate_buffer_flush", "true");
    p.setProperty("buffer_flush_millis", "0");
    p.setProperty("netty.mqtt.message_size", Integer.toString(1024 * 1024));
    try {
      server.startServer(new MemoryConfig(p), Collections.emptyList(), null, authenticator, authorizator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** Cuts one client's connection, as a network fault does; the others stay connected. */
  void cut(String clientId) {
    if (!server.disconnectClient(clientId)) {
      throw new IllegalStateException(clientId + " is not connected");
    }
  }

  /**
   * Stops the broker in the background: Netty's graceful shutdown waits a 2 s quiet period that no
   * test needs to sit through. Clients see their connections close at once.
   */
  @Override
  public void close() {
    Thread stopper = new Thread(server::stopServer, "moquette-stop-" + port);
    stopper.setDaemon(true);
    stopper.start();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
