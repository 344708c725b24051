package io.rrpc.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY}, for Paho clients in tests and benchmarks
 * ({@code options.setSocketFactory(new NoDelaySocketFactory())}). Paho never sets it, and on loopback
 * Nagle's algorithm holds a small packet back until the previous one is acknowledged, adding tens of
 * milliseconds per round trip. (rrpc-runtime sets it on its own sockets.) Stateless and thread-safe.
 */
public final class NoDelaySocketFactory extends SocketFactory {
  /** A factory; instances are interchangeable. */
  public NoDelaySocketFactory() {}

  @Override
  public Socket createSocket() throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(new Socket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(new Socket(address, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
