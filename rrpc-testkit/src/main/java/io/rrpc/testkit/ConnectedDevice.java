package io.rrpc.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A client connected to an {@link EmbeddedBroker} at one instant, as a hub sees it: when it logged in
 * and what it subscribed to since. Immutable; a snapshot that does not follow later changes.
 */
public final class ConnectedDevice {
  private final String clientId;
  private final Instant loggedInAt;
  private final Set<String> subscriptions;

  ConnectedDevice(String clientId, Instant loggedInAt, Set<String> subscriptions) {
    this.clientId = clientId;
    this.loggedInAt = loggedInAt;
    this.subscriptions = Collections.unmodifiableSet(new LinkedHashSet<>(subscriptions));
  }

  /**
   * The clientId.
   *
   * @return {@code {productId}{deviceName}} for a device
   */
  public String clientId() {
    return clientId;
  }

  /**
   * When the broker accepted this connection's login.
   *
   * @return the instant, as {@link BrokerListener#loggedIn} was told it
   */
  public Instant loggedInAt() {
    return loggedInAt;
  }

  /**
   * The topic filters this connection subscribed to; unsubscribes are not tracked.
   *
   * @return the filters in the order they were subscribed, unmodifiable
   */
  public Set<String> subscriptions() {
    return subscriptions;
  }

  /**
   * Whether one of its subscriptions matches {@code topic}: for a device, pass a request topic such as
   * {@code $rrpc/rxd/{productId}/{deviceName}/1} to learn whether it listens for RRPC requests.
   *
   * @param topic a topic name (no wildcards)
   * @return whether a message published there would reach this connection
   */
  public boolean isSubscribedTo(String topic) {
    for (String filter : subscriptions) {
      if (TopicFilter.matches(filter, topic)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "ConnectedDevice{" + clientId + ", logged in " + loggedInAt + ", subscriptions " + subscriptions + "}";
  }
}
