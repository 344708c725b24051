package io.rrpc.testkit;

import io.moquette.broker.security.IAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * The embedded broker's login hook: the hub's KEY check for devices, the broker's own credentials for the
 * hub's service client, or no check at all. Runs on a Netty thread before the CONNACK. Thread-safe.
 */
final class BrokerLogin implements IAuthenticator {
  private static final Logger LOG = Logger.getLogger("io.rrpc.testkit.broker");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SERVICE_USERNAME = "rrpc-testkit-service";

  private final boolean checkCredentials;
  private final DeviceRegistry registry;
  private final MoquettePresence presence;
  private final BrokerListeners listeners;
  private final byte[] servicePassword;
  private final List<String> refusals = new CopyOnWriteArrayList<>();

  BrokerLogin(boolean checkCredentials, DeviceRegistry registry, MoquettePresence presence,
      BrokerListeners listeners) {
    this.checkCredentials = checkCredentials;
    this.registry = registry;
    this.presence = presence;
    this.listeners = listeners;
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    this.servicePassword = hex(random).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public boolean checkValid(String clientId, String username, byte[] password) {
    if (!checkCredentials) {
      presence.loggedIn(clientId);
      return true;
    }
    String refusal;
    if (SERVICE_USERNAME.equals(username)) {
      boolean ok = password != null && MessageDigest.isEqual(password, servicePassword);
      refusal = ok ? null : "wrong service password";
    } else {
      Instant now = Instant.now();
      refusal = KeyCredentialCheck.refusal(clientId, username, password, registry.secretOf(clientId),
          now.getEpochSecond());
    }
    if (refusal != null) {
      refusals.add(clientId + ": " + refusal);
      LOG.info(() -> "login refused for " + clientId + ": " + refusal);
      listeners.loginRefused(clientId, refusal, Instant.now());
      return false;
    }
    presence.loggedIn(clientId);
    return true;
  }

  /** Connect options for the hub's own service client; a fresh object on each call. */
  MqttConnectOptions serviceConnectOptions() {
    MqttConnectOptions options = new MqttConnectOptions();
    if (checkCredentials) {
      options.setUserName(SERVICE_USERNAME);
      options.setPassword(new String(servicePassword, StandardCharsets.US_ASCII).toCharArray());
    }
    return options;
  }

  /** Why logins were refused, oldest first, as {@code "<clientId>: <reason>"}. */
  List<String> refusals() {
    return refusals;
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02x", b));
    }
    return s.toString();
  }
}
