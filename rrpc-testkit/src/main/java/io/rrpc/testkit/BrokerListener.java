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

  /** A client passed the login check (or there is no check) and gets a CONNACK accepting it. */
  default void loggedIn(String clientId, Instant at) {}

  /**
   * A login was refused with CONNACK return code 4; {@code reason} says what was expected and what was
   * seen, never quoting a password or secret (the same text as in {@link EmbeddedBroker#loginRefusals()}).
   */
  default void loginRefused(String clientId, String reason, Instant at) {}

  /** A connected client subscribed to {@code topicFilter}. */
  default void subscribed(String clientId, String topicFilter) {}

  /** A client's connection ended: it disconnected, or its connection was lost or taken over. */
  default void disconnected(String clientId) {}
}
