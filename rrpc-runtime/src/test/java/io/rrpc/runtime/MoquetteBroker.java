package io.rrpc.runtime;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
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
    MoquetteBroker broker = new MoquetteBroker(freePort());
    broker.startServer(authenticator);
    return broker;
  }

  private void startServer(IAuthenticator authenticator) {
    Properties p = new Properties();
    p.setProperty("host", "127.0.0.1");
    p.setProperty("port", Integer.toString(port));
    p.setProperty("websocket_port", "disabled");
    p.setProperty("persistence_enabled", "false");
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("allow_anonymous", Boolean.toString(authenticator == null));
    p.setProperty("immediate_buffer_flush", "true");
    p.setProperty("netty.mqtt.message_size", Integer.toString(1024 * 1024));
    try {
      server.startServer(new MemoryConfig(p), Collections.emptyList(), null, authenticator, null);
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

  /** Cuts every client off, as a broker crash does. */
  void disconnectAll() {
    for (io.moquette.broker.ClientDescriptor c : server.listConnectedClients()) {
      server.disconnectClient(c.getClientID());
    }
  }

  @Override
  public void close() {
    server.stopServer();
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
