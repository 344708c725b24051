package io.rrpc.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets with {@code TCP_NODELAY} on (see {@link NoDelaySocketFactory}). A separate class because
 * Paho insists on an {@link SSLSocketFactory} for {@code ssl://} URIs.
 */
final class NoDelaySslSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;

  NoDelaySslSocketFactory(SSLSocketFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket() throws IOException {
    return NoDelaySocketFactory.noDelay(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
    return NoDelaySocketFactory.noDelay(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return NoDelaySocketFactory.noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return NoDelaySocketFactory.noDelay(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return NoDelaySocketFactory.noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return NoDelaySocketFactory.noDelay(delegate.createSocket(address, port, localAddress, localPort));
  }
}
