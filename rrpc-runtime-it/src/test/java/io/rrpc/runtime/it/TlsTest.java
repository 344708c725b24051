package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcStartException;
import io.rrpc.testkit.HubSimulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against Mosquitto with the throwaway fixtures: CERT mode with Tencent's PKCS#1 keys and EC keys,
 * server verification by CA file, trust store or system store, host name verification, and the
 * explicitly insecure trust-all option.
 */
class TlsTest {
  static TlsMosquitto mosquitto;
  static int plainPort;
  static int mutualTlsPort;
  static int serverTlsPort;
  static int wrongHostPort;
  final AirconCommands aircon = new AirconCommands();

  @BeforeAll
  static void startMosquitto(@TempDir Path dir) throws Exception {
    plainPort = TlsMosquitto.freePort();
    mutualTlsPort = TlsMosquitto.freePort();
    serverTlsPort = TlsMosquitto.freePort();
    wrongHostPort = TlsMosquitto.freePort();
    String tls = "cafile " + fixture("ca.pem") + "\ncertfile " + fixture("server.pem")
        + "\nkeyfile " + fixture("server.key") + "\n";
    mosquitto = TlsMosquitto.start(dir,
        "listener " + plainPort + " 127.0.0.1\n"
            + "listener " + mutualTlsPort + " 127.0.0.1\n" + tls + "require_certificate true\n"
            + "listener " + serverTlsPort + " 127.0.0.1\n" + tls + "require_certificate false\n"
            + "listener " + wrongHostPort + " 127.0.0.2\n" + tls + "require_certificate false\n");
  }

  @AfterAll
  static void stopMosquitto() throws Exception {
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  static DeviceInfo certDevice(String cert, String key, String ca) {
    return DeviceInfo.builder().productId(TestDevices.PRODUCT_ID).deviceName(TestDevices.DEVICE_NAME)
        .certificate(fixture(cert), fixture(key)).caFile(fixture(ca)).build();
  }

  RrpcDevice.Builder builder(DeviceInfo info, String uri) {
    return TestDevices.builder(uri, new AirconCommands_RrpcDispatcher(aircon)).deviceInfo(info);
  }

  void assertServes(RrpcDevice device) throws Exception {
    try (RrpcDevice started = device; HubSimulator hub = HubSimulator.builder().uri("tcp://127.0.0.1:" + plainPort).connect()) {
      started.start();
      assertEquals("ok", hub.publishRrpc(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, "closed").payloadText());
    }
  }

  @Test
  void certModeWithTencentsPkcs1RsaKey() throws Exception {
    assertServes(builder(certDevice("device-rsa.pem", "device-rsa-pkcs1.key", "ca.pem"),
        "ssl://127.0.0.1:" + mutualTlsPort).build());
  }

  @Test
  void certModeWithAnEcKey() throws Exception {
    assertServes(builder(certDevice("device-ec.pem", "device-ec-sec1.key", "ca.pem"),
        "ssl://localhost:" + mutualTlsPort).build());
  }

  @Test
  void serverSignedByAnotherCaIsRefused() {
    RrpcDevice device = builder(certDevice("device-rsa.pem", "device-rsa-pkcs8.key", "other-ca.pem"),
        "ssl://127.0.0.1:" + mutualTlsPort).build();
    RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
    assertEquals(RrpcStartException.Reason.TLS_FAILURE, e.reason(), e.getMessage());
  }

  @Test
  void systemTrustStoreDoesNotTrustAPrivateCa() {
    RrpcDevice device = builder(TestDevices.deviceInfo(), "ssl://127.0.0.1:" + serverTlsPort).build();
    RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
    assertEquals(RrpcStartException.Reason.TLS_FAILURE, e.reason(), e.getMessage());
  }

  @Test
  void keyModeOverTlsWithAGivenTrustStore() throws Exception {
    assertServes(builder(TestDevices.deviceInfo(), "ssl://127.0.0.1:" + serverTlsPort)
        .trustStore(caTrustStore()).build());
  }

  @Test
  void hostNameIsVerified() throws Exception {
    RrpcDevice device = builder(TestDevices.deviceInfo(), "ssl://127.0.0.2:" + wrongHostPort)
        .trustStore(caTrustStore()).build();
    RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
    assertEquals(RrpcStartException.Reason.TLS_FAILURE, e.reason(), e.getMessage());
  }

  @Test
  void trustAllIsExplicitAndLoud() throws Exception {
    int mark = LogCapture.INSTANCE.mark();
    assertServes(builder(TestDevices.deviceInfo(), "ssl://127.0.0.2:" + wrongHostPort)
        .insecureTrustAllCertificates().build());
    assertTrue(LogCapture.INSTANCE.count(mark, "WARNING io.rrpc.runtime - INSECURE: TLS server certificates are not verified") == 1,
        LogCapture.INSTANCE.linesSince(mark).toString());
  }

  /**
   * A throwaway TLS fixture of the runtime's tests ({@code rrpc-runtime/src/test/resources/io/rrpc/runtime/tls},
   * made by make-fixtures.sh there); the build says where.
   */
  static String fixture(String name) {
    Path file = Paths.get(System.getProperty("rrpc.it.tls.fixtures", "../rrpc-runtime/src/test/resources/io/rrpc/runtime/tls"), name);
    if (!Files.isReadable(file)) {
      throw new IllegalStateException("missing TLS fixture " + file);
    }
    return file.toString();
  }

  static KeyStore caTrustStore() throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(Paths.get(fixture("ca.pem")))) {
      store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    return store;
  }
}
