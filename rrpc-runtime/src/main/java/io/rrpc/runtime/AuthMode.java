package io.rrpc.runtime;

/**
 * How a device proves its identity to the hub, as {@code auth_mode} in {@code device_info.json}.
 *
 * <p>Immutable and thread-safe, like every enum.
 */
public enum AuthMode {
  /**
   * A device secret: the MQTT password is an HMAC of the username keyed with the base64-decoded secret.
   * Works over plain TCP (port 1883) or TLS (port 8883).
   */
  KEY,
  /** A TLS client certificate and its private key, always over TLS (port 8883). */
  CERT
}
