package io.rrpc.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where and how the device connects: the broker URI and a socket factory that carries TLS (client
 * certificate, server trust) and {@code TCP_NODELAY}.
 *
 * <p>Server trust, first match wins: trust-all when explicitly asked for; the given trust store; the
 * device info's CA file; the pinned Tencent IoT Hub root for Tencent hosts; the system trust store for
 * any other {@code ssl://} broker.
 */
final class BrokerEndpoint {
  static final String TENCENT_ROOT_RESOURCE = "tencent-iothub-root-ca.pem";
  static final int TCP_PORT = 1883;
  static final int TLS_PORT = 8883;

  final String uri;
  final SocketFactory socketFactory;
  final boolean tls;
  final boolean verifyHostname;
  final boolean trustsAll;

  private BrokerEndpoint(String uri, SocketFactory socketFactory, boolean tls, boolean verifyHostname, boolean trustsAll) {
    this.uri = uri;
    this.socketFactory = socketFactory;
    this.tls = tls;
    this.verifyHostname = verifyHostname;
    this.trustsAll = trustsAll;
  }

  /**
   * @param brokerUri an override such as {@code tcp://127.0.0.1:1883}, or {@code null} for the
   *     device's
   *     Tencent host
   * @param tlsForKeyMode whether a KEY-mode device uses TLS on 8883 (else plain TCP on 1883)
   * @throws IllegalArgumentException for an unusable combination or an unreadable certificate or key
   */
  static BrokerEndpoint create(DeviceInfo device, String brokerUri, boolean tlsForKeyMode, KeyStore trustStore, boolean trustAll) {
    boolean cert = device.authMode() == AuthMode.CERT;
    String uri;
    boolean tls;
    if (brokerUri != null) {
      tls = checkUri(brokerUri);
      uri = brokerUri;
      if (cert && !tls) {
        throw new IllegalArgumentException("CERT mode needs TLS: use an ssl:// broker URI, not " + brokerUri);
      }
    } else {
      tls = cert || tlsForKeyMode;
      String host = device.region().host(device.productId());
      uri = tls ? "ssl://" + host + ":" + TLS_PORT : "tcp://" + host + ":" + TCP_PORT;
    }
    if (!tls) {
      return new BrokerEndpoint(uri, new NoDelaySocketFactory(SocketFactory.getDefault()), false, false, false);
    }
    try {
      KeyManager[] keys = cert ? keyManagers(device) : null;
      TrustManager[] trust;
      if (trustAll) {
        trust = new TrustManager[] {new InsecureTrustAllManager()};
      } else if (trustStore != null) {
        trust = trustManagers(trustStore);
      } else if (device.caFile() != null) {
        trust = trustManagers(keyStoreOf(PemFiles.certificates(device.caFile())));
      } else if (brokerUri == null) {
        trust = trustManagers(keyStoreOf(PemFiles.certificateResource(TENCENT_ROOT_RESOURCE)));
      } else {
        trust = null; // the JSSE default: the system trust store
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return new BrokerEndpoint(uri, new NoDelaySslSocketFactory(context.getSocketFactory()), true, !trustAll, trustAll);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** @return whether the URI is {@code ssl://} */
  private static boolean checkUri(String brokerUri) {
    URI parsed;
    try {
      parsed = new URI(brokerUri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("brokerUri is not a URI: " + brokerUri);
    }
    String scheme = parsed.getScheme();
    if (!"tcp".equals(scheme) && !"ssl".equals(scheme)) {
      throw new IllegalArgumentException("brokerUri must start with tcp:// or ssl://, was: " + brokerUri);
    }
    if (parsed.getHost() == null) {
      throw new IllegalArgumentException("brokerUri has no host: " + brokerUri);
    }
    return "ssl".equals(scheme);
  }

  private static KeyManager[] keyManagers(DeviceInfo device) throws IOException, GeneralSecurityException {
    List<X509Certificate> chain = PemFiles.certificates(device.certificateFile());
    PrivateKey key = PemFiles.privateKey(device.privateKeyFile());
    // An in-memory store that only exists to hand the key to the JSSE; its password protects nothing.
    char[] storePassword = "rrpc".toCharArray();
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setKeyEntry("device", key, storePassword, chain.toArray(new X509Certificate[0]));
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, storePassword);
    return factory.getKeyManagers();
  }

  private static TrustManager[] trustManagers(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  static KeyStore keyStoreOf(List<X509Certificate> certificates) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (X509Certificate c : certificates) {
      store.setCertificateEntry("ca-" + i++, c);
    }
    return store;
  }
}
