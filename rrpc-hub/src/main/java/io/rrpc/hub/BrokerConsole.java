package io.rrpc.hub;

import io.rrpc.hub.devices.DeviceSpec;
import io.rrpc.testkit.BrokerListener;
import io.rrpc.testkit.ConnectedDevice;
import io.rrpc.testkit.EmbeddedBroker;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The embedded broker's events on the hub's console — each login accepted or refused (with the reason),
 * each subscription, each disconnect — and the devices' last login times for {@code DescribeDevice}.
 * Runs on the broker's threads: logs and records, nothing more. Thread-safe.
 */
final class BrokerConsole implements BrokerListener, DeviceSightings {
  private static final Logger LOG = Logger.getLogger("io.rrpc.hub.mqtt");

  /** The hub's own MQTT clients (the testkit's HubSimulator, the publisher) carry this prefix: not shown. */
  private static final String SERVICE_CLIENT_PREFIX = "rrpc-hub-";

  private final Map<String, Instant> lastLogin = new ConcurrentHashMap<>();
  private final Map<String, String> deviceByClientId = new ConcurrentHashMap<>();
  private volatile EmbeddedBroker broker;

  BrokerConsole(Iterable<DeviceSpec> devices) {
    for (DeviceSpec d : devices) {
      deviceByClientId.put(d.productId() + d.deviceName(), d.toString());
    }
  }

  /** The broker whose state {@link #online} reads; its events arrive from its start on. */
  void attach(EmbeddedBroker broker) {
    this.broker = broker;
  }

  @Override
  public void loggedIn(String clientId, Instant at) {
    lastLogin.put(clientId, at);
    if (!clientId.startsWith(SERVICE_CLIENT_PREFIX)) {
      LOG.info(() -> "login accepted: " + name(clientId));
    }
  }

  @Override
  public void loginRefused(String clientId, String reason, Instant at) {
    LOG.info(() -> "login refused: " + name(clientId) + ": " + reason);
  }

  @Override
  public void subscribed(String clientId, String topicFilter) {
    if (!clientId.startsWith(SERVICE_CLIENT_PREFIX)) {
      LOG.info(() -> name(clientId) + " subscribed to " + topicFilter);
    }
  }

  @Override
  public void disconnected(String clientId) {
    if (!clientId.startsWith(SERVICE_CLIENT_PREFIX)) {
      LOG.info(() -> name(clientId) + " disconnected");
    }
  }

  /** {@code ABCDEFGHIJ/airConditioner1} for a known device's clientId, {@code clientId X} for others. */
  private String name(String clientId) {
    String device = deviceByClientId.get(clientId);
    return device != null ? device : "clientId " + clientId;
  }

  @Override
  public boolean online(String productId, String deviceName) {
    EmbeddedBroker b = broker;
    return b != null && b.connectedDevice(productId, deviceName).isPresent();
  }

  @Override
  public long loginTime(String productId, String deviceName) {
    EmbeddedBroker b = broker;
    Optional<ConnectedDevice> now = b == null ? Optional.empty() : b.connectedDevice(productId, deviceName);
    Instant at = now.map(ConnectedDevice::loggedInAt).orElse(lastLogin.get(productId + deviceName));
    return at == null ? 0 : at.getEpochSecond();
  }
}
