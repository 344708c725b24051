package io.rrpc.testkit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A TLS listener of a {@link MosquittoBroker}: the server's certificate and key, which CA signs the
 * clients' certificates, and whether a client certificate is required. The broker gives it a free port
 * of its own ({@link MosquittoBroker#tlsUri}). Immutable; each {@code with…} method returns a copy.
 *
 * <pre>{@code
 * MosquittoTls mutual = MosquittoTls.serverCertificate(serverPem, serverKey)
 *     .clientCa(caPem).requireClientCertificate(true);
 * try (MosquittoBroker mosquitto = MosquittoBroker.builder().tls(mutual).startOrSkip()) {
 *   // devices connect to mosquitto.tlsUri(mutual), the hub to mosquitto.uri() (plain)
 * }
 * }</pre>
 */
public final class MosquittoTls {
  private final String certFile;
  private final String keyFile;
  private final String clientCaFile;
  private final boolean requireClientCertificate;
  private final String tlsVersion;
  private final String bindAddress;

  private MosquittoTls(String certFile, String keyFile, String clientCaFile, boolean requireClientCertificate,
      String tlsVersion, String bindAddress) {
    this.certFile = certFile;
    this.keyFile = keyFile;
    this.clientCaFile = clientCaFile;
    this.requireClientCertificate = requireClientCertificate;
    this.tlsVersion = tlsVersion;
    this.bindAddress = bindAddress;
  }

  /**
   * A listener on 127.0.0.1 presenting this PEM certificate and key; no client certificate asked for.
   * Mosquitto reads the files after it has dropped root, as the user running the tests.
   *
   * @param certFile the server's certificate chain (PEM)
   * @param keyFile its private key (PEM)
   * @return the listener
   */
  public static MosquittoTls serverCertificate(Path certFile, Path keyFile) {
    return new MosquittoTls(Objects.requireNonNull(certFile, "certFile").toString(),
        Objects.requireNonNull(keyFile, "keyFile").toString(), null, false, null, "127.0.0.1");
  }

  /**
   * The CA that client certificates must be signed by ({@code cafile}).
   *
   * @param caFile the CA certificate (PEM)
   * @return a copy with it
   */
  public MosquittoTls clientCa(Path caFile) {
    return new MosquittoTls(certFile, keyFile, Objects.requireNonNull(caFile, "caFile").toString(),
        requireClientCertificate, tlsVersion, bindAddress);
  }

  /**
   * Whether a client must present a certificate signed by {@link #clientCa} (CERT mode).
   *
   * @param required true for mutual TLS
   * @return a copy with it
   */
  public MosquittoTls requireClientCertificate(boolean required) {
    return new MosquittoTls(certFile, keyFile, clientCaFile, required, tlsVersion, bindAddress);
  }

  /**
   * The only TLS version to accept, as Mosquitto names it ({@code tlsv1.2}, {@code tlsv1.3}). With
   * {@code tlsv1.2} a refused client certificate fails the handshake itself, where a device reports it
   * as a TLS failure; TLS 1.3 refuses it only after the handshake.
   *
   * @param version Mosquitto's name of the version
   * @return a copy with it
   */
  public MosquittoTls tlsVersion(String version) {
    return new MosquittoTls(certFile, keyFile, clientCaFile, requireClientCertificate,
        Objects.requireNonNull(version, "version"), bindAddress);
  }

  /**
   * The address to listen on, 127.0.0.1 by default (e.g. 127.0.0.2 to test host name checks).
   *
   * @param address a local address
   * @return a copy with it
   */
  public MosquittoTls bindAddress(String address) {
    return new MosquittoTls(certFile, keyFile, clientCaFile, requireClientCertificate, tlsVersion,
        Objects.requireNonNull(address, "address"));
  }

  /**
   * The address this listener is bound to.
   *
   * @return 127.0.0.1 unless {@link #bindAddress} said otherwise
   */
  public String address() {
    return bindAddress;
  }

  /** The lines of {@code mosquitto.conf} for this listener on {@code port}. */
  String configLines(int port) {
    StringBuilder s = new StringBuilder();
    s.append("listener ").append(port).append(' ').append(bindAddress).append('\n');
    s.append("certfile ").append(certFile).append('\n');
    s.append("keyfile ").append(keyFile).append('\n');
    if (clientCaFile != null) {
      s.append("cafile ").append(clientCaFile).append('\n');
    }
    s.append("require_certificate ").append(requireClientCertificate).append('\n');
    if (tlsVersion != null) {
      s.append("tls_version ").append(tlsVersion).append('\n');
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return "MosquittoTls{" + bindAddress + ", cert " + certFile
        + (clientCaFile != null ? ", client CA " + clientCaFile : "")
        + (requireClientCertificate ? ", client certificate required" : "")
        + (tlsVersion != null ? ", " + tlsVersion : "") + "}";
  }
}
