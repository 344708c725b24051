package io.rrpc.runtime;

import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * Accepts every server certificate. Exists only behind {@code RrpcDevice.Builder
 * .insecureTrustAllCertificates()}, for a lab broker with a throwaway certificate; anyone on the
 * network path can impersonate the broker.
 */
final class InsecureTrustAllManager implements X509TrustManager {
  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
