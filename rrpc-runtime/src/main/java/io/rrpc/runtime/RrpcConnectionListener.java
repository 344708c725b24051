package io.rrpc.runtime;

/**
 * What a device's MQTT connection is doing, for an application that shows it (an online LED) or acts
 * on it (a watchdog). Set it with {@link RrpcDevice.Builder#connectionListener}; every method does
 * nothing by default, so implement only those you need.
 *
 * <p>A started device goes through: {@link #connected} → {@link #subscribed} (requests are served from
 * here on) → {@link #disconnected} → {@link #reconnecting} → {@link #connected} → … until {@link
 * RrpcDevice#close()}, which itself reports nothing. A start that fails reports {@link #startFailed}
 * (after any {@code connected} of its attempts) and no other event after it.
 *
 * <p>Threading: events are delivered one at a time, in the order they happened, on a worker thread of
 * the device (named {@code rrpc-<clientId>-worker-N}, or a shared worker on {@link RrpcExecutors}), never
 * on the MQTT client's thread, the timer that keeps deadlines and keep-alive, or the thread that called
 * {@link RrpcDevice#start()}; so an event may arrive just after {@code start()} returned or threw. A
 * listener that blocks holds up only its own device's later events: deadlines, pings and other devices
 * go on. Up to 64 events wait behind a blocked listener; beyond that the newest are dropped, with a
 * warning in the log. An exception thrown by a listener method is logged and otherwise ignored. One
 * device never calls its listener concurrently, though successive events may come on different threads.
 */
public interface RrpcConnectionListener {
  /**
   * The broker accepted the connection (CONNACK). Requests are not served before {@link #subscribed}.
   *
   * @param brokerUri the broker, such as {@code ssl://KL4J2XXXX8.iotcloud.tencentdevices.com:8883}
   */
  default void connected(String brokerUri) {}

  /**
   * The broker acknowledged the request subscription: the device is online and serving requests.
   *
   * @param topicFilter the request subscription, {@code $rrpc/rxd/{productId}/{deviceName}/+}
   */
  default void subscribed(String topicFilter) {}

  /**
   * The connection was lost after a successful start; the device reconnects by itself.
   *
   * @param cause why, as Paho reported it (a socket error, a keep-alive timeout, or the broker
   *     closing
   *     the connection, as it does when another client connects with the same identity); may be
   *     {@code null}
   */
  default void disconnected(Throwable cause) {}

  /**
   * A reconnect attempt is scheduled.
   *
   * @param attempt 1 for the first attempt since the device last stayed connected, then 2, 3, …
   * @param delayMillis how long from now the attempt will be made
   */
  default void reconnecting(int attempt, long delayMillis) {}

  /**
   * {@link RrpcDevice#start()} failed and is about to throw (or has thrown) this exception. The device
   * may be started again.
   *
   * @param failure the exception {@code start()} throws
   */
  default void startFailed(RrpcStartException failure) {}
}
