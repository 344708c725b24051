package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcStartException;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.MosquittoBroker;
import io.rrpc.testkit.MosquittoTls;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS against Mosquitto with the throwaway fixtures: CERT mode with Tencent's PKCS#1 keys and EC keys,
 * server verification by CA file, trust store or system store, host name verification, and the
 * explicitly insecure trust-all option.
 */
class TlsTest {
  /** CERT mode: a client certificate signed by the fixtures' CA is required. */
  static final MosquittoTls MUTUAL = serverTls().clientCa(fixture("ca.pem")).requireClientCertificate(true);
  /** KEY mode over TLS: the server shows its certificate, the device logs in with its signed password. */
  static final MosquittoTls SERVER_ONLY = serverTls();
  /** On 127.0.0.2, which the server certificate does not name. */
  static final MosquittoTls WRONG_HOST = serverTls().bindAddress("127.0.0.2");
  static MosquittoBroker mosquitto;
  static HubSimulator hub;
  final AirconCommands aircon = new AirconCommands();

  @BeforeAll
  static void startMosquitto() {
    mosquitto = MosquittoBroker.builder().tls(MUTUAL).tls(SERVER_ONLY).tls(WRONG_HOST).startOrSkip();
    hub = HubSimulator.connect(mosquitto);
  }

  @AfterAll
  static void stopMosquitto() {
    if (hub != null) {
      hub.close();
    }
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  /** The server certificate (subjectAltName 127.0.0.1 and localhost) and key of the fixtures. */
  static MosquittoTls serverTls() {
    return MosquittoTls.serverCertificate(fixture("server.pem"), fixture("server.key"));
  }

  static DeviceInfo certDevice(String cert, String key, String ca) {
    return DeviceInfo.builder().productId(TestDevices.PRODUCT_ID).deviceName(TestDevices.DEVICE_NAME)
        .certificate(fixture(cert).toString(), fixture(key).toString()).caFile(fixture(ca).toString()).build();
  }

  RrpcDevice.Builder builder(DeviceInfo info, String uri) {
    return TestDevices.builder(uri, new AirconCommands_RrpcDispatcher(aircon)).deviceInfo(info);
  }

  void assertServes(RrpcDevice device) throws Exception {
    try (RrpcDevice started = device) {
      started.start();
      assertEquals("ok", hub.publishRrpc(TestDevices.PRODUCT_ID, TestDevices.DEVICE_NAME, "closed").payloadText());
    }
  }

  @Test
  void certModeWithTencentsPkcs1RsaKey() throws Exception {
    assertServes(builder(certDevice("device-rsa.pem", "device-rsa-pkcs1.key", "ca.pem"),
        mosquitto.tlsUri(MUTUAL)).build());
  }

  @Test
  void certModeWithAnEcKey() throws Exception {
    assertServes(builder(certDevice("device-ec.pem", "device-ec-sec1.key", "ca.pem"),
        mosquitto.tlsUri(MUTUAL).replace("127.0.0.1", "localhost")).build());
  }

  @Test
  void serverSignedByAnotherCaIsRefused() {
    RrpcDevice device = builder(certDevice("device-rsa.pem", "device-rsa-pkcs8.key", "other-ca.pem"),
        mosquitto.tlsUri(MUTUAL)).build();
    RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
    assertEquals(RrpcStartException.Reason.TLS_FAILURE, e.reason(), e.getMessage());
  }

  @Test
  void systemTrustStoreDoesNotTrustAPrivateCa() {
    RrpcDevice device = builder(TestDevices.deviceInfo(), mosquitto.tlsUri(SERVER_ONLY)).build();
    RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
    assertEquals(RrpcStartException.Reason.TLS_FAILURE, e.reason(), e.getMessage());
  }

  @Test
  void keyModeOverTlsWithAGivenTrustStore() throws Exception {
    assertServes(builder(TestDevices.deviceInfo(), mosquitto.tlsUri(SERVER_ONLY))
        .trustStore(caTrustStore()).build());
  }

  @Test
  void hostNameIsVerified() throws Exception {
    RrpcDevice device = builder(TestDevices.deviceInfo(), mosquitto.tlsUri(WRONG_HOST))
        .trustStore(caTrustStore()).build();
    RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
    assertEquals(RrpcStartException.Reason.TLS_FAILURE, e.reason(), e.getMessage());
  }

  @Test
  void trustAllIsExplicitAndLoud() throws Exception {
    int mark = LogCapture.INSTANCE.mark();
    assertServes(builder(TestDevices.deviceInfo(), mosquitto.tlsUri(WRONG_HOST))
        .insecureTrustAllCertificates().build());
    assertTrue(LogCapture.INSTANCE.count(mark, "WARNING io.rrpc.runtime - INSECURE: TLS server certificates are not verified") == 1,
        LogCapture.INSTANCE.linesSince(mark).toString());
  }

  /**
   * A throwaway TLS fixture of the runtime's tests ({@code rrpc-runtime/src/test/resources/io/rrpc/runtime/tls},
   * made by make-fixtures.sh there); the build says where.
   */
  static Path fixture(String name) {
    Path file = Paths.get(System.getProperty("rrpc.it.tls.fixtures", "../rrpc-runtime/src/test/resources/io/rrpc/runtime/tls"), name);
    if (!Files.isReadable(file)) {
      throw new IllegalStateException("missing TLS fixture " + file);
    }
    return file.toAbsolutePath();
  }

  static KeyStore caTrustStore() throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(fixture("ca.pem"))) {
      store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    return store;
  }
}
