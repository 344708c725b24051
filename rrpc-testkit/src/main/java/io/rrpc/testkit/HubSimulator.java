package io.rrpc.testkit;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;


/**
 * The cloud side of RRPC: {@link #publishRrpc} behaves like Tencent's {@code PublishRRPCMessage}.
 *
 * <p>Each call gets a fresh numeric MessageId, which is also the request's processId; the payload is
 * published at QoS 0 on {@code $rrpc/rxd/{productId}/{deviceName}/{messageId}} and the call completes
 * with the first reply on {@code $rrpc/txd/{productId}/{deviceName}/{messageId}}, or fails with the code
 * Tencent's API returns ({@link RrpcCallException#code()}):
 *
 * <ul>
 *   <li>{@code FailedOperation.RRPCTimeout} when no reply came within the deadline (4 s by default),
 *       counted from the publish;
 *   <li>{@code FailedOperation.DeviceOffline} / {@code FailedOperation.DeviceNoSubscription} when the
 *       broker's {@link DevicePresence} says the device is not connected / not subscribed (the request is
 *       then not published); on a broker that tells nothing such calls time out instead;
 *   <li>{@code InvalidParameterValue.PayloadOverLimit} for a request longer than the payload limit
 *       (16 KiB by default, the hub's MQTT message limit);
 *   <li>{@code ResourceNotFound.DeviceNotExist} for an unregistered device, on a broker that checks
 *       credentials.
 * </ul>
 *
 * Any number of calls may be in flight at once; each is matched to its own reply by product, device and
 * processId. Replies that match no pending call (late, duplicate) are counted in {@link #strayReplies()}.
 * Tencent's rate limit of 20 calls per second is not simulated.
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.start(); HubSimulator hub = HubSimulator.connect(broker)) {
 *   String secret = hub.registerDevice("KL4J2XXXX8", "airConditioner1");
 *   // ... start the device with that secret ...
 *   RrpcResult r = hub.publishRrpc("KL4J2XXXX8", "airConditioner1", "closed");
 *   assertEquals("ok", r.payloadText());
 * }
 * }</pre>
 *
 * <p>Thread-safe. Futures complete on the simulator's own thread: chain quick work only, or use the
 * {@code *Async} variants of {@link CompletableFuture}; never call {@link #publishRrpc} from a dependent
 * stage. The simulator reconnects by itself when its broker restarts.
 *
 * <p>A facade over three parts, one job each: {@link SubscribedConnection} (the MQTT client, subscribed
 * to every reply topic across reconnects), the calls ({@code PublishRRPCMessage}'s checks, presence and
 * reply matching) and the presence waits ({@link #awaitOnline}, {@link #awaitOffline}).
 */
public final class HubSimulator implements AutoCloseable {
  /** The hub's RRPC deadline. */
  public static final Duration DEFAULT_RRPC_TIMEOUT = Duration.ofSeconds(4);
  /** Tencent IoT Hub's largest MQTT message, 16 KiB. */
  public static final int DEFAULT_PAYLOAD_LIMIT = 16 * 1024;

  private final String uri;
  private final DeviceRegistry registry;
  private final long timeoutNanos;
  private final PendingCalls pending;
  private final RrpcCalls calls;
  private final PresenceWaits presenceWaits;
  private final SubscribedConnection connection;

  private HubSimulator(Builder b) {
    this.uri = b.broker != null ? b.broker.uri() : b.uri;
    DevicePresence presence = b.broker != null ? b.broker.presence() : b.presence;
    EmbeddedBroker embedded = b.broker instanceof EmbeddedBroker ? (EmbeddedBroker) b.broker : null;
    this.registry = embedded != null ? embedded.registry() : new DeviceRegistry();
    this.timeoutNanos = b.rrpcTimeout.toNanos();
    this.pending = new PendingCalls(timeoutNanos);
    this.calls = new RrpcCalls(pending, presence, registry, embedded != null && embedded.checksCredentials(),
        b.payloadLimit);
    this.presenceWaits = new PresenceWaits(presence, uri);

    MqttConnectOptions options = embedded != null ? embedded.serviceConnectOptions() : new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setKeepAliveInterval(60);
    options.setConnectionTimeout(10);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(1000);
    options.setSocketFactory(new NoDelaySocketFactory());
    try {
      this.connection = SubscribedConnection.open(uri, "rrpc-hub-" + pending.instanceId(), options,
          RrpcCalls.REPLY_FILTER, 0, calls::onMessage, Duration.ofSeconds(10));
    } catch (MqttException | RuntimeException e) {
      pending.close();
      throw new IllegalStateException("hub simulator cannot connect to " + uri + ": " + e, e);
    }
    calls.publishOn(connection);
  }

  /**
   * Connects a simulator with the default deadline and payload limit to a local broker.
   *
   * @param broker the broker the simulator and the devices use
   * @return the connected simulator
   */
  public static HubSimulator connect(LocalBroker broker) {
    return builder().broker(broker).connect();
  }

  /**
   * A builder: set a {@link Builder#broker broker} or a {@link Builder#uri uri}, then {@link Builder#connect()}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Options of a {@link HubSimulator}. */
  public static final class Builder {
    private LocalBroker broker;
    private String uri;
    private DevicePresence presence = DevicePresence.UNKNOWN;
    private Duration rrpcTimeout = DEFAULT_RRPC_TIMEOUT;
    private int payloadLimit = DEFAULT_PAYLOAD_LIMIT;

    private Builder() {}

    /**
     * The broker to use, with what it tells about devices (and its device registry, if embedded).
     *
     * @param broker the broker the simulator and the devices use
     * @return this
     */
    public Builder broker(LocalBroker broker) {
      this.broker = Objects.requireNonNull(broker, "broker");
      this.uri = null;
      return this;
    }

    /**
     * Any MQTT broker, e.g. {@code tcp://127.0.0.1:1883}, with no presence source: calls to an absent
     * device then end in {@code FailedOperation.RRPCTimeout}.
     *
     * @param uri the broker, e.g. {@code tcp://127.0.0.1:1883}
     * @return this
     */
    public Builder uri(String uri) {
      if (uri == null || !uri.startsWith("tcp://")) {
        throw new IllegalArgumentException("a tcp:// URI is needed, was: " + uri);
      }
      this.uri = uri;
      this.broker = null;
      return this;
    }

    /**
     * With {@link #uri}: a source of device presence for that broker.
     *
     * @param presence what the broker tells about devices
     * @return this
     */
    public Builder presence(DevicePresence presence) {
      this.presence = Objects.requireNonNull(presence, "presence");
      return this;
    }

    /**
     * How long a call waits for the reply; 4 s like the hub unless a test needs it shorter.
     *
     * @param timeout the deadline of each call, counted from its publish
     * @return this
     */
    public Builder rrpcTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the RRPC timeout must be positive, was: " + timeout);
      }
      this.rrpcTimeout = timeout;
      return this;
    }

    /**
     * The largest request payload in bytes; longer ones fail with {@code PayloadOverLimit}.
     *
     * @param bytes the largest request payload in bytes
     * @return this
     */
    public Builder payloadLimit(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("the payload limit must not be negative, was: " + bytes);
      }
      this.payloadLimit = bytes;
      return this;
    }

    /**
     * Connects and subscribes to the reply topics; returns once replies can be received.
     *
     * @return the connected simulator
     * @throws IllegalStateException when the broker cannot be reached
     */
    public HubSimulator connect() {
      if (broker == null && uri == null) {
        throw new IllegalStateException("set a broker or a uri");
      }
      return new HubSimulator(this);
    }
  }

  /**
   * {@code PublishRRPCMessage}: publishes {@code payload} to the device and waits for its reply.
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @param payload the request payload
   * @return the reply
   * @throws RrpcCallException with Tencent's error code when the call fails
   */
  public RrpcResult publishRrpc(String productId, String deviceName, byte[] payload) {
    CompletableFuture<RrpcResult> call = publishRrpcAsync(productId, deviceName, payload);
    try {
      // The call always ends by its own deadline; the margin only guards against a bug here.
      return call.get(TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + RrpcCalls.CATCH_UP_MILLIS + 10_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RrpcCallException) {
        throw ((RrpcCallException) e.getCause()).rethrown();
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RrpcCallException(RrpcCallException.INTERNAL_ERROR, 0, "interrupted while waiting for the reply");
    } catch (TimeoutException e) {
      throw new IllegalStateException("the call outlived its own deadline", e);
    }
  }

  /**
   * {@code PublishRRPCMessage} with a UTF-8 text payload.
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @param payload the request payload
   * @return the reply
   */
  public RrpcResult publishRrpc(String productId, String deviceName, String payload) {
    return publishRrpc(productId, deviceName, payload.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Asynchronous {@code PublishRRPCMessage} with a UTF-8 text payload.
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @param payload the request payload
   * @return a future completing with the reply or an {@link RrpcCallException}
   */
  public CompletableFuture<RrpcResult> publishRrpcAsync(String productId, String deviceName, String payload) {
    return publishRrpcAsync(productId, deviceName, payload.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Asynchronous {@code PublishRRPCMessage}. The future completes with the reply or exceptionally with
   * an {@link RrpcCallException}; it never stays pending past the deadline.
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @param payload the request payload
   * @return a future completing with the reply or an {@link RrpcCallException}
   * @throws IllegalArgumentException for an empty product or device name, or one that would break the
   *     topic scheme
   */
  public CompletableFuture<RrpcResult> publishRrpcAsync(String productId, String deviceName, byte[] payload) {
    return calls.call(productId, deviceName, payload);
  }

  /**
   * Replies that matched no pending call of this simulator: late (after the deadline) or duplicate.
   *
   * @return the count so far
   */
  public long strayReplies() {
    return pending.strayReplies();
  }

  /**
   * The number of calls waiting for their reply.
   *
   * @return the count now
   */
  public int pendingCalls() {
    return pending.size();
  }

  /**
   * Registers a device with a fresh random secret and returns the secret (base64). On an
   * {@link EmbeddedBroker} this is the broker's own registry, which its credential check uses.
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @return the new secret (base64)
   */
  public String registerDevice(String productId, String deviceName) {
    return registry.register(productId, deviceName);
  }

  /**
   * Registers a device with the given base64 secret, or changes the secret of a registered one.
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @param deviceSecretBase64 the device secret as the console shows it (base64)
   */
  public void registerDevice(String productId, String deviceName, String deviceSecretBase64) {
    registry.register(productId, deviceName, deviceSecretBase64);
  }

  /**
   * The identity of a device for the runtime: KEY mode with the device's registered secret, registering
   * it with a fresh one first if needed. Idempotent.
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @return KEY-mode device info with the registered secret
   */
  public DeviceInfo deviceInfo(String productId, String deviceName) {
    String secret;
    synchronized (registry) {
      secret = registry.secretBase64(productId, deviceName);
      if (secret == null) {
        secret = registry.register(productId, deviceName);
      }
    }
    return DeviceInfo.builder().productId(productId).deviceName(deviceName).deviceSecret(secret).build();
  }

  /**
   * An {@link RrpcDevice} builder for a registered device ({@link #deviceInfo}) on this simulator's
   * broker; add dispatchers and options, then build and start it.
   *
   * <pre>{@code
   * try (RrpcDevice device = hub.deviceBuilder("KL4J2XXXX8", "airConditioner1")
   *     .dispatcher(new AirconCommands_RrpcDispatcher(new AirconCommands(aircon)))
   *     .build()) {
   *   device.start();
   *   assertEquals("ok", hub.publishRrpc("KL4J2XXXX8", "airConditioner1", "closed").payloadText());
   * }
   * }</pre>
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @return a builder with identity and broker set
   */
  public RrpcDevice.Builder deviceBuilder(String productId, String deviceName) {
    return RrpcDevice.builder().deviceInfo(deviceInfo(productId, deviceName)).brokerUri(uri);
  }

  /**
   * Waits until the device is connected and subscribed to its request topic, as far as the broker's
   * presence source tells.
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @param timeout how long to wait
   * @throws InterruptedException when interrupted while waiting
   * @return whether it was, before the timeout
   * @throws IllegalStateException when the broker tells nothing about devices
   */
  public boolean awaitOnline(String productId, String deviceName, Duration timeout) throws InterruptedException {
    return presenceWaits.online(productId, deviceName, timeout);
  }

  /**
   * Waits until the broker has seen the device go. A device's own {@code close()} returns when it has
   * sent its DISCONNECT, a moment before the broker handles it: wait here before expecting
   * {@code DeviceOffline}.
   *
   * @param productId the product, e.g. {@code KL4J2XXXX8}
   * @param deviceName the device, e.g. {@code airConditioner1}
   * @param timeout how long to wait
   * @throws InterruptedException when interrupted while waiting
   * @return whether it was offline before the timeout
   * @throws IllegalStateException when the broker tells nothing about devices
   */
  public boolean awaitOffline(String productId, String deviceName, Duration timeout) throws InterruptedException {
    return presenceWaits.offline(productId, deviceName, timeout);
  }

  /**
   * Waits until the simulator is connected to its broker and subscribed to replies, e.g. after the
   * broker restarted.
   *
   * @param timeout how long to wait
   * @return whether it was, before the timeout
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    return connection.awaitSubscribed(timeout);
  }

  /**
   * Whether the simulator is connected to its broker and subscribed to replies.
   *
   * @return true while connected and subscribed
   */
  public boolean isConnected() {
    return connection.isSubscribed();
  }

  /**
   * The broker URI.
   *
   * @return the URI the simulator connected to
   */
  public String uri() {
    return uri;
  }

  /**
   * Fails the pending calls with {@code InternalError} and disconnects. Idempotent.
   */
  @Override
  public void close() {
    pending.close();
    connection.close();
  }

  @Override
  public String toString() {
    return "HubSimulator{" + uri + ", pending=" + pending.size() + "}";
  }
}
