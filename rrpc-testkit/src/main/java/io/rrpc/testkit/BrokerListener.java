package io.rrpc.testkit;

import java.time.Instant;

/**
 * Hears what an {@link EmbeddedBroker} sees of its clients: logins accepted and refused, subscriptions,
 * and connections ending. A local hub logs these and answers questions about devices from them; the
 * current state at any instant is {@link EmbeddedBroker#connectedDevices()}.
 *
 * <p>Called on the broker's network threads, at the moment the broker decides (a login before its
 * CONNACK, a subscription before its SUBACK): return quickly and never block. An exception thrown by a
 * listener is logged and the other listeners still run. Events of one connection arrive in order; when a
 * device logs in again while its old connection is still open (a session takeover), the old connection's
 * {@link #disconnected} may arrive after the new {@link #loggedIn}: ask {@link
 * EmbeddedBroker#connectedDevice} for the state. Every method does nothing by default.
 */
public interface BrokerListener {

  /**
   * A client passed the login check (or there is no check) and gets a CONNACK accepting it.
   *
   * @param clientId the client's id, {@code {productId}{deviceName}} for a device
   * @param at when the broker accepted the login, as {@link ConnectedDevice#loggedInAt()} tells it
   */
  default void loggedIn(String clientId, Instant at) {}

  /**
   * A login was refused with CONNACK return code 4; {@code reason} says what was expected and what was
   * seen, never quoting a password or secret (the same text as in {@link EmbeddedBroker#loginRefusals()}).
   *
   * @param clientId the id the client gave
   * @param reason why, e.g. {@code password signature does not match the registered device secret (...)}
   * @param at when the broker refused it
   */
  default void loginRefused(String clientId, String reason, Instant at) {}

  /**
   * A connected client subscribed to {@code topicFilter}.
   *
   * @param clientId the client's id
   * @param topicFilter the filter, e.g. {@code $rrpc/rxd/KL4J2XXXX8/airConditioner1/+}
   */
  default void subscribed(String clientId, String topicFilter) {}

  /**
   * A client's connection ended: it disconnected, or its connection was lost or taken over. Told once
   * per {@link #loggedIn}; a refused login never logged in, so its end is not told.
   *
   * @param clientId the client's id
   */
  default void disconnected(String clientId) {}
}
