package io.rrpc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcStartException;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.MosquittoBroker;
import io.rrpc.testkit.MosquittoTls;
import io.rrpc.testkit.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device trusts no server it should not, logs in with a client certificate end to end, and a
 * login the hub would refuse is refused with an error the device can act on. (That no secret is ever
 * printed is checked over the whole suite, see {@link ReliabilitySuite} and {@link NoSecretLeakSummaryTest}.)
 */
class SecurityTest {
  private static final String P = DeviceUnderTest.PRODUCT;
  private static TestCertificates pki;

  @BeforeAll
  static void makeCertificates(@TempDir Path dir) throws Exception {
    pki = new TestCertificates(dir)
        .onPrivateKey(SuiteSecrets::privateKey)
        .ca("ca")
        .ca("rogue-ca")
        .server("server", "ca", "IP:127.0.0.1")
        .server("rogue-server", "rogue-ca", "IP:127.0.0.1")
        .server("other-host", "ca", "DNS:broker.example.com")
        .device("device", "ca", P + "certdev")
        .device("rogue-device", "rogue-ca", P + "certdev");
  }

  @Test
  void aBrokerCertificateFromAnotherCaIsRefusedByDefault() throws Exception {
    try (MosquittoBroker broker = tlsMosquitto("rogue-server", false)) {
      RrpcStartException byDefault = refused(keyModeDevice(broker.tlsUri(), null));
      RrpcStartException withOurCa = refused(keyModeDevice(broker.tlsUri(), pki.path("ca.pem")));

      ReliabilityReport.INSTANCE.security("TLS to a local Mosquitto whose certificate comes from another CA, default trust",
          "refused: " + byDefault.reason() + " (" + rootCause(byDefault) + ")");
      ReliabilityReport.INSTANCE.security("the same, trusting only our own CA (`caFile`)",
          "refused: " + withOurCa.reason() + " (" + rootCause(withOurCa) + ")");
      assertEquals(RrpcStartException.Reason.TLS_FAILURE, byDefault.reason());
      assertEquals(RrpcStartException.Reason.TLS_FAILURE, withOurCa.reason());
    }
  }

  @Test
  void aBrokerCertificateForAnotherHostIsRefused() throws Exception {
    try (MosquittoBroker broker = tlsMosquitto("other-host", false)) {
      RrpcStartException e = refused(keyModeDevice(broker.tlsUri(), pki.path("ca.pem")));

      ReliabilityReport.INSTANCE.security("TLS to 127.0.0.1 with a trusted certificate for broker.example.com",
          "refused: " + e.reason() + " (" + rootCause(e) + ")");
      assertEquals(RrpcStartException.Reason.TLS_FAILURE, e.reason());
    }
  }

  @Test
  void certModeWithAClientCertificateWorksEndToEnd() throws Exception {
    try (MosquittoBroker broker = tlsMosquitto("server", true);
        HubSimulator hub = HubSimulator.connect(broker)) {
      ProbeCommands commands = new ProbeCommands();
      try (RrpcDevice device = RrpcDevice.builder()
          .deviceInfo(DeviceInfo.builder().productId(P).deviceName("certdev")
              .certificate(pki.path("device.pem"), pki.path("device.key")).caFile(pki.path("ca.pem")).build())
          .brokerUri(broker.tlsUri())
          .dispatcher(new ProbeCommands_RrpcDispatcher(commands))
          .build()) {
        device.start();
        String reply = hub.publishRrpc(P, "certdev", "echo over mutual TLS").payloadText();

        ReliabilityReport.INSTANCE.security("CERT mode: client certificate (PKCS#1 RSA key) against Mosquitto with "
            + "`require_certificate true`, TLS 1.2", "connected, subscribed, answered `" + reply + "`");
        assertEquals("over mutual TLS", reply);
      }
    }
  }

  @Test
  void certModeWithAClientCertificateFromAnotherCaIsRefusedByTheBroker() throws Exception {
    try (MosquittoBroker broker = tlsMosquitto("server", true)) {
      RrpcDevice device = RrpcDevice.builder()
          .deviceInfo(DeviceInfo.builder().productId(P).deviceName("certdev")
              .certificate(pki.path("rogue-device.pem"), pki.path("rogue-device.key")).caFile(pki.path("ca.pem")).build())
          .brokerUri(broker.tlsUri())
          .dispatcher(new ProbeCommands_RrpcDispatcher(new ProbeCommands()))
          .connectTimeout(5, TimeUnit.SECONDS)
          .build();
      RrpcStartException e = refused(device);

      ReliabilityReport.INSTANCE.security("CERT mode with a client certificate from another CA",
          "refused by the broker: " + e.reason() + " (" + rootCause(e) + ")");
      assertEquals(RrpcStartException.Reason.TLS_FAILURE, e.reason());
    }
  }

  @Test
  void aWrongSecretIsRefusedByTheCredentialCheckWithAClearError() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(); HubSimulator hub = HubSimulator.connect(broker)) {
      String registered = hub.registerDevice(P, "wrongsecret");
      String wrong = randomSecret();
      SuiteSecrets.deviceSecret(registered);
      SuiteSecrets.deviceSecret(wrong);
      FaultProxyLogin login = new FaultProxyLogin(broker);
      RrpcDevice device = RrpcDevice.builder()
          .deviceInfo(DeviceInfo.builder().productId(P).deviceName("wrongsecret").deviceSecret(wrong).build())
          .brokerUri(login.proxy.uri())
          .dispatcher(new ProbeCommands_RrpcDispatcher(new ProbeCommands()))
          .build();
      RrpcStartException e;
      try {
        e = refused(device);
      } finally {
        login.close();
      }
      List<String> refusals = broker.loginRefusals();

      ReliabilityReport.INSTANCE.security("KEY mode with a wrong device secret (testkit credential check)",
          "refused: " + e.reason() + ", device says \"" + e.getMessage() + "\"; hub says \"" + refusals + "\"");
      assertEquals(RrpcStartException.Reason.BAD_CREDENTIALS, e.reason());
      assertTrue(e.getMessage().contains("refused the device's credentials"), e.getMessage());
      assertTrue(refusals.toString().contains("password signature does not match"), refusals.toString());
    }
  }

  @Test
  void anExpiredLoginIsRefusedByTheCredentialCheck() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      String secret = broker.registerDevice(P, "expired");
      SuiteSecrets.deviceSecret(secret);
      long expired = System.currentTimeMillis() / 1000 - 60;
      String username = P + "expired;12010126;a1B2c;" + expired;
      String password = hex(hmacSha256(Base64.getDecoder().decode(secret), username)) + ";hmacsha256";
      SuiteSecrets.password(password);
      MqttConnectOptions options = new MqttConnectOptions();
      options.setUserName(username);
      options.setPassword(password.toCharArray());
      MqttClient client = new MqttClient(broker.uri(), P + "expired", new MemoryPersistence());
      MqttException e = assertThrows(MqttException.class, () -> client.connect(options));
      SuiteLog.INSTANCE.exception(e);
      client.close();
      List<String> refusals = broker.loginRefusals();

      ReliabilityReport.INSTANCE.security("KEY mode, correctly signed but expired username (expiry 60 s ago)",
          "refused: CONNACK " + e.getReasonCode() + "; hub says \"" + refusals + "\"");
      assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, e.getReasonCode());
      assertTrue(refusals.toString().contains("has passed"), refusals.toString());
    }
  }

  // ---- helpers ----

  /**
   * Mosquitto with a TLS listener presenting {@code server}'s certificate, trusting client certificates
   * from our CA (required or not), at TLS 1.2: a refused client certificate then fails the handshake
   * itself, where the device reports it as a TLS failure. Its plain listener is the hub's.
   */
  private static MosquittoBroker tlsMosquitto(String server, boolean requireClientCertificate) {
    MosquittoTls tls = MosquittoTls.serverCertificate(pki.file(server + ".pem"), pki.file(server + ".key"))
        .clientCa(pki.file("ca.pem"))
        .requireClientCertificate(requireClientCertificate)
        .tlsVersion("tlsv1.2");
    return MosquittoBroker.builder().tls(tls).startOrSkip();
  }

  private static RrpcDevice keyModeDevice(String uri, String caFile) {
    String secret = randomSecret();
    SuiteSecrets.deviceSecret(secret);
    DeviceInfo.Builder info = DeviceInfo.builder().productId(P).deviceName("tlsdev").deviceSecret(secret);
    if (caFile != null) {
      info.caFile(caFile);
    }
    return RrpcDevice.builder().deviceInfo(info.build()).brokerUri(uri)
        .dispatcher(new ProbeCommands_RrpcDispatcher(new ProbeCommands()))
        .connectTimeout(5, TimeUnit.SECONDS)
        .build();
  }

  /** Starts the device expecting a refusal; the exception's whole chain joins the scanned output. */
  private static RrpcStartException refused(RrpcDevice device) {
    try {
      RrpcStartException e = assertThrows(RrpcStartException.class, device::start);
      SuiteLog.INSTANCE.exception(e);
      return e;
    } finally {
      device.close();
    }
  }

  private static String rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getClass().getSimpleName() + ": " + c.getMessage();
  }

  private static String randomSecret() {
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static byte[] hmacSha256(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] b) {
    return SuiteSecrets.hex(b);
  }

  /** A proxy in front of the broker only to see the password the refused device sent. */
  private static final class FaultProxyLogin implements AutoCloseable {
    final io.rrpc.testkit.FaultProxy proxy;

    FaultProxyLogin(EmbeddedBroker broker) {
      this.proxy = io.rrpc.testkit.FaultProxy.to(broker);
    }

    @Override
    public void close() {
      for (byte[] preamble : proxy.clientPreambles()) {
        String password = MqttConnectPacket.password(preamble);
        if (password != null) {
          SuiteSecrets.password(password);
        }
      }
      proxy.close();
    }
  }
}
