package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcStartException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mosquitto with TLS listeners beside the plain one: server-only TLS, mutual TLS, restart on the same ports. */
class MosquittoTlsTest {
  private static final String PRODUCT = "KL4J2XXXX8";
  private static TestCertificates pki;

  @BeforeAll
  static void makeCertificates(@TempDir Path dir) throws Exception {
    pki = new TestCertificates(dir)
        .ca("ca")
        .server("server", "ca", "IP:127.0.0.1")
        .device("device", "ca", PRODUCT + "tls1");
  }

  @Test
  void aKeyModeDeviceServesOverServerOnlyTlsWhileTheHubUsesThePlainListener() throws Exception {
    MosquittoTls tls = MosquittoTls.serverCertificate(pki.file("server.pem"), pki.file("server.key"));
    try (MosquittoBroker mosquitto = MosquittoBroker.builder().tls(tls).startOrSkip();
        HubSimulator hub = HubSimulator.connect(mosquitto)) {
      assertEquals("ssl://127.0.0.1:" + mosquitto.tlsPort(tls), mosquitto.tlsUri(tls));
      assertEquals(mosquitto.tlsUri(tls), mosquitto.tlsUri());
      DeviceInfo info = DeviceInfo.builder().productId(PRODUCT).deviceName("key1")
          .deviceSecret("MDEyMzQ1Njc4OWFiY2RlZg==").caFile(pki.path("ca.pem")).build();
      try (RrpcDevice device = device(info, mosquitto.tlsUri())) {
        device.start();
        assertEquals("ok", hub.publishRrpc(PRODUCT, "key1", "closed").payloadText());
      }
    }
  }

  @Test
  void aMutualTlsListenerServesACertModeDeviceAndRefusesOneWithoutACertificate() throws Exception {
    MosquittoTls mutual = MosquittoTls.serverCertificate(pki.file("server.pem"), pki.file("server.key"))
        .clientCa(pki.file("ca.pem"))
        .requireClientCertificate(true)
        .tlsVersion("tlsv1.2");
    try (MosquittoBroker mosquitto = MosquittoBroker.builder().tls(mutual).startOrSkip();
        HubSimulator hub = HubSimulator.connect(mosquitto)) {
      DeviceInfo cert = DeviceInfo.builder().productId(PRODUCT).deviceName("tls1")
          .certificate(pki.path("device.pem"), pki.path("device.key")).caFile(pki.path("ca.pem")).build();
      try (RrpcDevice device = device(cert, mosquitto.tlsUri(mutual))) {
        device.start();
        assertEquals("ok", hub.publishRrpc(PRODUCT, "tls1", "closed").payloadText());
      }

      DeviceInfo noCertificate = DeviceInfo.builder().productId(PRODUCT).deviceName("tls2")
          .deviceSecret("MDEyMzQ1Njc4OWFiY2RlZg==").caFile(pki.path("ca.pem")).build();
      RrpcDevice refused = device(noCertificate, mosquitto.tlsUri(mutual));
      try {
        RrpcStartException e = assertThrows(RrpcStartException.class, refused::start);
        assertEquals(RrpcStartException.Reason.TLS_FAILURE, e.reason());
      } finally {
        refused.close();
      }
    }
  }

  @Test
  void aRestartKeepsEveryListenerOnItsPort() throws Exception {
    MosquittoTls first = MosquittoTls.serverCertificate(pki.file("server.pem"), pki.file("server.key"));
    MosquittoTls second = first.clientCa(pki.file("ca.pem")).requireClientCertificate(true);
    try (MosquittoBroker mosquitto = MosquittoBroker.builder().tls(first).tls(second).startOrSkip()) {
      int plain = mosquitto.port();
      int tls1 = mosquitto.tlsPort(first);
      int tls2 = mosquitto.tlsPort(second);
      assertTrue(tls1 != tls2 && tls1 != plain);
      assertThrows(IllegalStateException.class, mosquitto::tlsUri);

      mosquitto.restart();

      assertEquals(plain, mosquitto.port());
      assertEquals(tls1, mosquitto.tlsPort(first));
      assertEquals(tls2, mosquitto.tlsPort(second));
      assertTrue(mosquitto.isRunning());
      assertThrows(IllegalArgumentException.class,
          () -> mosquitto.tlsUri(MosquittoTls.serverCertificate(pki.file("x.pem"), pki.file("x.key"))));
    }
  }

  private static RrpcDevice device(DeviceInfo info, String uri) {
    return RrpcDevice.builder()
        .deviceInfo(info)
        .brokerUri(uri)
        .connectTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
        .dispatcher(new ThermostatCommands_RrpcDispatcher(new ThermostatCommands(1)))
        .build();
  }
}
