package io.rrpc.testkit;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.DevicePresence.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

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
 */
public final class HubSimulator implements AutoCloseable {
  /** The hub's RRPC deadline. */
  public static final Duration DEFAULT_RRPC_TIMEOUT = Duration.ofSeconds(4);
  /** Tencent IoT Hub's largest MQTT message, 16 KiB. */
  public static final int DEFAULT_PAYLOAD_LIMIT = 16 * 1024;

  private static final Logger LOG = Logger.getLogger("io.rrpc.testkit.hub");
  private static final String REPLY_FILTER = "$rrpc/txd/+/+/+";
  private static final String REPLY_PREFIX = "$rrpc/txd/";
  /** How long a lagging presence source may take to confirm that a device is absent. */
  private static final long CATCH_UP_MILLIS = 2000;

  private final MqttAsyncClient client;
  private final String uri;
  private final DevicePresence presence;
  private final DeviceRegistry registry;
  private final boolean devicesMustExist;
  private final long timeoutNanos;
  private final int payloadLimit;
  private final PendingCalls pending;
  private final AtomicLong markers = new AtomicLong();
  private final Object readiness = new Object();
  private final AtomicBoolean closed = new AtomicBoolean();
  private boolean ready; // guarded by readiness

  private HubSimulator(Builder b) {
    this.uri = b.broker != null ? b.broker.uri() : b.uri;
    this.presence = b.broker != null ? b.broker.presence() : b.presence;
    EmbeddedBroker embedded = b.broker instanceof EmbeddedBroker ? (EmbeddedBroker) b.broker : null;
    this.registry = embedded != null ? embedded.registry() : new DeviceRegistry();
    this.devicesMustExist = embedded != null && embedded.checksCredentials();
    this.timeoutNanos = b.rrpcTimeout.toNanos();
    this.payloadLimit = b.payloadLimit;
    this.pending = new PendingCalls(timeoutNanos);

    MqttConnectOptions options = embedded != null ? embedded.serviceConnectOptions() : new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setKeepAliveInterval(60);
    options.setConnectionTimeout(10);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(1000);
    options.setSocketFactory(new NoDelaySocketFactory());
    String clientId = "rrpc-hub-" + pending.instanceId();
    try {
      client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    } catch (MqttException e) {
      pending.close();
      throw new IllegalArgumentException("not a usable broker URI: " + uri, e);
    }
    try {
      client.setCallback(new Callback());
      client.connect(options).waitForCompletion(TimeUnit.SECONDS.toMillis(10));
      subscribeOrAwaitReconnect();
    } catch (MqttException e) {
      closed.set(true);
      pending.close();
      try {
        client.close(true);
      } catch (MqttException ignored) {
        // nothing more to release
      }
      throw new IllegalStateException("hub simulator cannot connect to " + uri + ": " + e, e);
    }
  }

  /**
   * Moquette (0.17 and later) may drop a client whose SUBSCRIBE arrives right after its CONNACK, before
   * Moquette has marked the connection established ("SUBSCRIBE received on already closed connection").
   * Paho then reconnects by itself and {@link Callback#connectComplete} subscribes again: wait for that.
   */
  private void subscribeOrAwaitReconnect() throws MqttException {
    try {
      client.subscribe(REPLY_FILTER, 0).waitForCompletion(TimeUnit.SECONDS.toMillis(10));
      setReady(true);
    } catch (MqttException e) {
      if (e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST) {
        throw e;
      }
      LOG.info(() -> "hub simulator lost its connection to " + uri + " while subscribing; waiting for the reconnect");
      try {
        if (!awaitConnected(Duration.ofSeconds(10))) {
          throw e;
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw e;
      }
    }
  }

  /** Connects a simulator with the default deadline and payload limit to a local broker. */
  public static HubSimulator connect(LocalBroker broker) {
    return builder().broker(broker).connect();
  }

  /** A builder: set a {@link Builder#broker broker} or a {@link Builder#uri uri}, then {@link Builder#connect()}. */
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

    /** The broker to use, with what it tells about devices (and its device registry, if embedded). */
    public Builder broker(LocalBroker broker) {
      this.broker = Objects.requireNonNull(broker, "broker");
      this.uri = null;
      return this;
    }

    /**
     * Any MQTT broker, e.g. {@code tcp://127.0.0.1:1883}, with no presence source: calls to an absent
     * device then end in {@code FailedOperation.RRPCTimeout}.
     */
    public Builder uri(String uri) {
      if (uri == null || !uri.startsWith("tcp://")) {
        throw new IllegalArgumentException("a tcp:// URI is needed, was: " + uri);
      }
      this.uri = uri;
      this.broker = null;
      return this;
    }

    /** With {@link #uri}: a source of device presence for that broker. */
    public Builder presence(DevicePresence presence) {
      this.presence = Objects.requireNonNull(presence, "presence");
      return this;
    }

    /** How long a call waits for the reply; 4 s like the hub unless a test needs it shorter. */
    public Builder rrpcTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the RRPC timeout must be positive, was: " + timeout);
      }
      this.rrpcTimeout = timeout;
      return this;
    }

    /** The largest request payload in bytes; longer ones fail with {@code PayloadOverLimit}. */
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
   * @throws RrpcCallException with Tencent's error code when the call fails
   */
  public RrpcResult publishRrpc(String productId, String deviceName, byte[] payload) {
    CompletableFuture<RrpcResult> call = publishRrpcAsync(productId, deviceName, payload);
    try {
      // The call always ends by its own deadline; the margin only guards against a bug here.
      return call.get(TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + CATCH_UP_MILLIS + 10_000, TimeUnit.MILLISECONDS);
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

  /** {@code PublishRRPCMessage} with a UTF-8 text payload. */
  public RrpcResult publishRrpc(String productId, String deviceName, String payload) {
    return publishRrpc(productId, deviceName, payload.getBytes(StandardCharsets.UTF_8));
  }

  /** Asynchronous {@code PublishRRPCMessage} with a UTF-8 text payload. */
  public CompletableFuture<RrpcResult> publishRrpcAsync(String productId, String deviceName, String payload) {
    return publishRrpcAsync(productId, deviceName, payload.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Asynchronous {@code PublishRRPCMessage}. The future completes with the reply or exceptionally with
   * an {@link RrpcCallException}; it never stays pending past the deadline.
   *
   * @throws IllegalArgumentException for an empty product or device name, or one that would break the
   *     topic scheme
   */
  public CompletableFuture<RrpcResult> publishRrpcAsync(String productId, String deviceName, byte[] payload) {
    DeviceRegistry.checkName("productId", productId);
    DeviceRegistry.checkName("deviceName", deviceName);
    Objects.requireNonNull(payload, "payload");
    if (closed.get()) {
      return failed(RrpcCallException.INTERNAL_ERROR, 0, "the hub simulator is closed");
    }
    if (payload.length > payloadLimit) {
      return failed(RrpcCallException.PAYLOAD_OVER_LIMIT, 0,
          "the payload is " + payload.length + " bytes, over the limit of " + payloadLimit);
    }
    if (devicesMustExist && !registry.contains(productId, deviceName)) {
      return failed(RrpcCallException.DEVICE_NOT_EXIST, 0, productId + "/" + deviceName + " is not registered");
    }
    long messageId = pending.nextMessageId();
    String clientId = productId + deviceName;
    String topic = "$rrpc/rxd/" + productId + "/" + deviceName + "/" + messageId;
    Status status = presence.status(clientId, topic);
    if (!isAbsent(status)) {
      return send(productId, deviceName, messageId, topic, payload);
    }
    if (!presence.lags()) {
      return absent(status, clientId, messageId);
    }
    // The presence view may be behind the broker: let it catch up before declaring the device absent.
    CompletableFuture<RrpcResult> result = new CompletableFuture<>();
    String marker = "rrpc-testkit/sync/" + client.getClientId() + "/" + markers.incrementAndGet();
    CompletableFuture<Void> seen = presence.catchUp(client.getClientId(), marker).toCompletableFuture();
    try {
      client.publish(marker, new byte[0], 0, false);
    } catch (MqttException e) {
      seen.completeExceptionally(e);
    }
    // Decided on the simulator's thread: the stage may complete on the presence source's own thread
    // (Mosquitto's log reader), which must never run a caller's dependent stages.
    seen.orTimeout(CATCH_UP_MILLIS, TimeUnit.MILLISECONDS).whenComplete((ignored, error) -> pending.execute(() -> {
      Status now = error == null ? presence.status(clientId, topic) : Status.UNKNOWN;
      CompletableFuture<RrpcResult> outcome =
          isAbsent(now) ? absent(now, clientId, messageId) : send(productId, deviceName, messageId, topic, payload);
      outcome.whenComplete((r, e) -> {
        if (e != null) {
          result.completeExceptionally(e);
        } else {
          result.complete(r);
        }
      });
    }));
    return result;
  }

  /** Replies that matched no pending call of this simulator: late (after the deadline) or duplicate. */
  public long strayReplies() {
    return pending.strayReplies();
  }

  /** The number of calls waiting for their reply. */
  public int pendingCalls() {
    return pending.size();
  }

  /**
   * Registers a device with a fresh random secret and returns the secret (base64). On an
   * {@link EmbeddedBroker} this is the broker's own registry, which its credential check uses.
   */
  public String registerDevice(String productId, String deviceName) {
    return registry.register(productId, deviceName);
  }

  /** Registers a device with the given base64 secret, or changes the secret of a registered one. */
  public void registerDevice(String productId, String deviceName, String deviceSecretBase64) {
    registry.register(productId, deviceName, deviceSecretBase64);
  }

  /**
   * The identity of a device for the runtime: KEY mode with the device's registered secret, registering
   * it with a fresh one first if needed. Idempotent.
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
   */
  public RrpcDevice.Builder deviceBuilder(String productId, String deviceName) {
    return RrpcDevice.builder().deviceInfo(deviceInfo(productId, deviceName)).brokerUri(uri);
  }

  /**
   * Waits until the device is connected and subscribed to its request topic, as far as the broker's
   * presence source tells.
   *
   * @return whether it was, before the timeout
   * @throws IllegalStateException when the broker tells nothing about devices
   */
  public boolean awaitOnline(String productId, String deviceName, Duration timeout) throws InterruptedException {
    return awaitStatus(productId, deviceName, timeout, s -> s == Status.ONLINE);
  }

  /**
   * Waits until the broker has seen the device go. A device's own {@code close()} returns when it has
   * sent its DISCONNECT, a moment before the broker handles it: wait here before expecting
   * {@code DeviceOffline}.
   *
   * @return whether it was offline before the timeout
   * @throws IllegalStateException when the broker tells nothing about devices
   */
  public boolean awaitOffline(String productId, String deviceName, Duration timeout) throws InterruptedException {
    return awaitStatus(productId, deviceName, timeout, s -> s == Status.OFFLINE);
  }

  /**
   * Waits until the simulator is connected to its broker and subscribed to replies, e.g. after the
   * broker restarted.
   */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (readiness) {
      while (!ready) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(readiness, left);
      }
      return true;
    }
  }

  /** Whether the simulator is connected to its broker and subscribed to replies. */
  public boolean isConnected() {
    synchronized (readiness) {
      return ready;
    }
  }

  /** The broker URI. */
  public String uri() {
    return uri;
  }

  /**
   * Fails the pending calls with {@code InternalError} and disconnects. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    setReady(false);
    pending.close();
    try {
      // Not disconnectForcibly: it always waits out its timeout. This also stops a reconnect cycle.
      client.disconnect(0).waitForCompletion(1000);
    } catch (MqttException e) {
      LOG.log(Level.FINE, "disconnect on close", e); // not connected: nothing to say goodbye to
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.log(Level.FINE, "close", e);
    }
  }

  @Override
  public String toString() {
    return "HubSimulator{" + uri + ", pending=" + pending.size() + "}";
  }

  private CompletableFuture<RrpcResult> send(
      String productId, String deviceName, long messageId, String topic, byte[] payload) {
    if (!isConnected()) {
      return failed(RrpcCallException.INTERNAL_ERROR, messageId, "the hub simulator is not connected to " + uri);
    }
    PendingCalls.Call call = pending.register(productId, deviceName, messageId);
    try {
      client.publish(topic, payload, 0, false);
    } catch (MqttException e) {
      pending.abandon(call, RrpcCallException.INTERNAL_ERROR, "cannot publish the request: " + e);
    }
    return call.future;
  }

  private boolean awaitStatus(String productId, String deviceName, Duration timeout, Predicate<Status> wanted)
      throws InterruptedException {
    if (presence == DevicePresence.UNKNOWN) {
      throw new IllegalStateException("the broker at " + uri + " tells nothing about devices");
    }
    String clientId = productId + deviceName;
    String topic = "$rrpc/rxd/" + productId + "/" + deviceName + "/1";
    Object signal = new Object();
    Runnable wake = () -> {
      synchronized (signal) {
        signal.notifyAll();
      }
    };
    presence.addListener(wake);
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      synchronized (signal) {
        while (!wanted.test(presence.status(clientId, topic))) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          // Woken by the presence source; the short slice re-checks in case a change came without an event.
          TimeUnit.NANOSECONDS.timedWait(signal, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
        return true;
      }
    } finally {
      presence.removeListener(wake);
    }
  }

  private void setReady(boolean value) {
    synchronized (readiness) {
      ready = value;
      readiness.notifyAll();
    }
  }

  private static boolean isAbsent(Status status) {
    return status == Status.OFFLINE || status == Status.NOT_SUBSCRIBED;
  }

  private static CompletableFuture<RrpcResult> absent(Status status, String clientId, long messageId) {
    return status == Status.OFFLINE
        ? failed(RrpcCallException.DEVICE_OFFLINE, messageId, clientId + " is not connected")
        : failed(RrpcCallException.DEVICE_NO_SUBSCRIPTION, messageId,
            clientId + " has not subscribed to $rrpc/rxd/{productId}/{deviceName}/+");
  }

  private static CompletableFuture<RrpcResult> failed(String code, long messageId, String detail) {
    CompletableFuture<RrpcResult> f = new CompletableFuture<>();
    f.completeExceptionally(new RrpcCallException(code, messageId, detail));
    return f;
  }

  private final class Callback implements MqttCallbackExtended {
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      if (!reconnect) {
        return; // the constructor subscribes
      }
      try {
        client.subscribe(REPLY_FILTER, 0, null, new IMqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            LOG.info(() -> "hub simulator reconnected to " + serverUri);
            setReady(true);
          }

          @Override
          public void onFailure(IMqttToken token, Throwable error) {
            LOG.log(Level.WARNING, "hub simulator cannot resubscribe to replies", error);
          }
        });
      } catch (MqttException e) {
        LOG.log(Level.WARNING, "hub simulator cannot resubscribe to replies", e);
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      setReady(false);
      if (!closed.get()) {
        LOG.info(() -> "hub simulator lost its connection to " + uri + " (" + cause + "); reconnecting");
      }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        if (topic.startsWith(REPLY_PREFIX)) {
          pending.onReply(topic.substring(REPLY_PREFIX.length()), message.getPayload());
        }
      } catch (RuntimeException e) {
        // Never let an exception reach Paho: it would drop the connection.
        LOG.log(Level.WARNING, "cannot handle the reply on " + topic, e);
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
