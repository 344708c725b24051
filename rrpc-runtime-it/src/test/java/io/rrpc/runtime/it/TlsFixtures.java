package io.rrpc.runtime.it;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Paths;

/**
 * Paths of the runtime's throwaway TLS fixtures, {@code rrpc-runtime/src/test/resources/io/rrpc/runtime/tls}
 * (see make-fixtures.sh there), which this module's build copies beside this class.
 */
final class TlsFixtures {
  private TlsFixtures() {}

  static String file(String name) {
    URL url = TlsFixtures.class.getResource("tls/" + name);
    if (url == null) {
      throw new IllegalStateException("missing fixture tls/" + name);
    }
    try {
      return Paths.get(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
