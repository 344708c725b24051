package io.rrpc.runtime;

/**
 * {@link RrpcDevice#start()} could not connect and subscribe. {@link #reason()} says why, in a form a
 * device application can act on (fix the credentials, retry later, ...). The message names the broker
 * and never contains a secret.
 *
 * <p>Immutable: safe to create on one thread and read on another.
 */
public final class RrpcStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the device could not start. Immutable and thread-safe, like every enum. */
  public enum Reason {
    /** The broker refused the client id, username or password (CONNACK 2, 4 or 5). */
    BAD_CREDENTIALS,
    /** The broker refused the connection for another reason (CONNACK 1 or 3). */
    CONNECTION_REFUSED,
    /** The broker could not be reached: unknown host, connection refused, network down. */
    UNREACHABLE,
    /** The TLS handshake failed: untrusted server certificate, wrong host name, refused client certificate. */
    TLS_FAILURE,
    /** The broker did not answer the connect or subscribe in time. */
    TIMEOUT,
    /** The broker refused the subscription to the request topic (SUBACK failure). */
    SUBSCRIPTION_REFUSED,
    /** The connection broke during start, or the MQTT client failed in an unexpected way. */
    CONNECTION_FAILED
  }

  /** Why the start failed. */
  private final Reason reason;

  RrpcStartException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** {@return why the device could not start} */
  public Reason reason() {
    return reason;
  }
}
