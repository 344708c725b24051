package io.rrpc.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY} on. Paho never sets it, and with Nagle's algorithm a small
 * reply waits for the previous segment's ACK: tens of milliseconds per round trip on loopback.
 */
final class NoDelaySocketFactory extends SocketFactory {
  private final SocketFactory delegate;

  NoDelaySocketFactory(SocketFactory delegate) {
    this.delegate = delegate;
  }

  /** The unconnected socket Paho asks for; its reads wait for its first write (see {@link WriteFirstSocket}). */
  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new WriteFirstSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return noDelay(delegate.createSocket(address, port, localAddress, localPort));
  }

  static <S extends Socket> S noDelay(S socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
