package io.rrpc.runtime;

import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A device that answers Tencent Cloud IoT Hub RRPC requests with its dispatchers.
 *
 * <pre>{@code
 * RrpcDevice device = RrpcDevice.builder()
 *     .deviceInfo(DeviceInfo.load(Paths.get("device_info.json")))
 *     .dispatcher(new AirconCommands_RrpcDispatcher(new AirconCommands(aircon)))
 *     .build();
 * device.start();   // connected and subscribed when this returns
 * ...
 * device.close();   // answers what is in flight, then disconnects
 * }</pre>
 *
 * <p>Each request gets exactly one reply on its own processId's reply topic: the handler's, or a
 * documented error reply (see {@link Outcome}) — including {@code timeout} when the handler has not
 * finished by the deadline. Handlers run on a bounded pool (one worker by default, so a device's
 * commands run in arrival order), never on the MQTT client's thread.
 *
 * <p>Thread-safe. A started device keeps the JVM alive until it is closed (on shared {@link
 * RrpcExecutors} made with a caller's thread factory, as that factory's threads do).
 */
public final class RrpcDevice implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");

  /** The default deadline: the hub's 4 s minus a margin for the reply's trip back. */
  public static final long DEFAULT_DEADLINE_MILLIS = 3500;
  /** The default request size limit, 16 KiB. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 16 * 1024;
  /** The default bound on requests waiting for a worker. */
  public static final int DEFAULT_QUEUE_CAPACITY = 256;
  /** The sdkappid Tencent's Java SDK puts in the username. */
  public static final String DEFAULT_SDK_APP_ID = "12010126";

  private enum State { NEW, RUNNING, CLOSED }

  private final DeviceSettings settings;
  private final MetricsRecorder metrics = new MetricsRecorder();
  private final Object lifecycle = new Object();
  private State state = State.NEW;
  private volatile DeviceWiring running;

  private RrpcDevice(DeviceSettings settings) {
    this.settings = settings;
  }

  /**
   * A builder; {@link Builder#deviceInfo(DeviceInfo)} and at least one dispatcher are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Connects, subscribes to {@code $rrpc/rxd/{productId}/{deviceName}/+} and returns once the broker has
   * acknowledged the subscription. After that, lost connections are re-established in the background
   * with backoff and the subscription restored each time (see {@link RrpcConnectionListener} to follow
   * that).
   *
   * <p>A device whose start failed may be started again.
   *
   * @throws RrpcStartException when the device cannot connect or subscribe; see its {@link
   *     RrpcStartException#reason() reason}
   * @throws IllegalStateException when already started or closed, or its shared {@link RrpcExecutors}
   *     were closed
   */
  public void start() {
    synchronized (lifecycle) {
      if (state != State.NEW) {
        throw new IllegalStateException(state == State.RUNNING ? "already started" : "closed");
      }
      if (settings.executors != null && settings.executors.isClosed()) {
        throw new IllegalStateException("the shared executors were closed: build new RrpcExecutors");
      }
      if (settings.endpoint.trustsAll) {
        LOG.warning("INSECURE: TLS server certificates are not verified (insecureTrustAllCertificates);"
            + " anyone on the network path to " + settings.endpoint.uri + " can impersonate the broker");
      }
      DeviceWiring parts = new DeviceWiring(settings, metrics);
      running = parts;
      try {
        parts.start();
      } catch (RuntimeException e) {
        running = null;
        throw e;
      }
      state = State.RUNNING;
    }
  }

  /**
   * Stops taking requests (new ones are answered {@code busy}), lets in-flight handlers finish or time
   * out, publishes their replies, then disconnects and interrupts the handlers still running past their
   * deadline. Returns within about the deadline plus a second or two; once it has returned, the handlers
   * it interrupted have returned too (unless one ignores interrupts for over a second) and {@link
   * #metrics()} is final. Idempotent. Do not call it from a handler: it waits for handlers.
   */
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (state != State.RUNNING) {
        state = State.CLOSED;
        return;
      }
      state = State.CLOSED;
    }
    DeviceWiring parts = running;
    boolean interrupted = false;
    // Refuse new requests first: from the "closing" line on, every request that arrives is busy.
    parts.intake.stopAccepting();
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("closing, " + metrics.inFlight.get() + " requests in flight");
    }
    try {
      // Every accepted request is answered by its deadline at the latest; the extra second covers the
      // timer's own scheduling.
      if (!parts.answers.awaitAnswered(settings.deadlineMillis + 1000)) {
        LOG.warning("closing with " + metrics.inFlight.get() + " requests unanswered");
      }
      parts.replies.flush(Math.max(1000, settings.connectTimeoutMillis));
    } catch (InterruptedException e) {
      interrupted = true;
    }
    parts.session.close(1000);
    parts.workers.stop();
    try {
      // Handlers past their deadline were interrupted just now: once they return, their late results are
      // counted and metrics() is final.
      if (!parts.workers.awaitStopped(1000)) {
        LOG.warning("closed with a handler still running: it ignored its interrupt");
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (parts.ownsExecutors) {
      parts.executors.close();
    }
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("closed, " + metrics.snapshot(0));
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@return the device's counters right now} */
  public RrpcMetrics metrics() {
    DeviceWiring parts = running;
    return metrics.snapshot(parts == null ? 0 : parts.intake.queued());
  }

  /** {@return whether the MQTT connection is up right now} */
  public boolean isConnected() {
    DeviceWiring parts;
    synchronized (lifecycle) {
      parts = state == State.RUNNING ? running : null;
    }
    return parts != null && parts.session.isConnected();
  }

  /** {@return the identity this device connects with} */
  public DeviceInfo deviceInfo() {
    return settings.deviceInfo;
  }

  @Override
  public String toString() {
    return "RrpcDevice{" + settings.deviceInfo.productId() + "/" + settings.deviceInfo.deviceName() + " on "
        + settings.endpoint.uri + "}";
  }

  /**
   * Configures an {@link RrpcDevice}. Every option has a default suited to Tencent Cloud IoT Hub; only
   * the device info and at least one dispatcher are required. {@link #build()} validates everything and
   * fails with a message naming the problem.
   */
  public static final class Builder {
    // Read by DeviceSettings, which validates and freezes them.
    DeviceInfo deviceInfo;
    final List<RrpcDispatcher> dispatchers = new ArrayList<>();
    String brokerUri;
    boolean tls = true;
    KeyStore trustStore;
    boolean trustAll;
    String sdkAppId = DEFAULT_SDK_APP_ID;
    SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.HMAC_SHA256;
    long tokenValidityMillis = TimeUnit.HOURS.toMillis(1);
    int workers = 1;
    int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    long deadlineMillis = DEFAULT_DEADLINE_MILLIS;
    int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
    int requestQos = 0;
    int keepAliveSeconds = 60;
    long connectTimeoutMillis = TimeUnit.SECONDS.toMillis(10);
    long backoffMinMillis = 1000;
    long backoffMaxMillis = TimeUnit.SECONDS.toMillis(60);
    ErrorReplyPolicy errorReplyPolicy = ErrorReplyPolicy.standard();
    long hubDeadlineMillis = DeviceSettings.HUB_DEADLINE_MILLIS;
    RrpcConnectionListener connectionListener;
    RrpcExecutors executors;

    private Builder() {}

    /**
     * Who the device is; required.
     *
     * @param deviceInfo the device's identity
     * @return this builder
     */
    public Builder deviceInfo(DeviceInfo deviceInfo) {
      this.deviceInfo = deviceInfo;
      return this;
    }

    /**
     * Adds a dispatcher, usually a generated {@code <Class>_RrpcDispatcher}.
     *
     * @param dispatcher a dispatcher
     * @return this builder
     */
    public Builder dispatcher(RrpcDispatcher dispatcher) {
      if (dispatcher == null) {
        throw new NullPointerException("dispatcher");
      }
      dispatchers.add(dispatcher);
      return this;
    }

    /**
     * Adds dispatchers, for example a Dagger {@code Set<RrpcDispatcher>} multibinding.
     *
     * @param dispatchers the dispatchers
     * @return this builder
     */
    public Builder dispatchers(Iterable<? extends RrpcDispatcher> dispatchers) {
      for (RrpcDispatcher d : dispatchers) {
        dispatcher(d);
      }
      return this;
    }

    /**
     * Connects to this broker instead of the device's Tencent host: {@code tcp://host:port} or {@code
     * ssl://host:port}, any MQTT 3.1.1 broker. For {@code ssl://} the server is verified against the
     * {@linkplain #trustStore(KeyStore) given trust store}, else the device info's CA file, else the
     * system trust store.
     *
     * @param brokerUri the broker, {@code tcp://host:port} or {@code ssl://host:port}
     * @return this builder
     */
    public Builder brokerUri(String brokerUri) {
      this.brokerUri = brokerUri;
      return this;
    }

    /**
     * Whether a KEY-mode device uses TLS on port 8883 (the default) or plain TCP on 1883. CERT mode is
     * always TLS. Ignored with {@link #brokerUri(String)}, whose scheme decides.
     *
     * @param tls {@code false} for plain TCP on 1883
     * @return this builder
     */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /**
     * The certificates a TLS broker must chain to, instead of the default (see {@link #brokerUri(String)}).
     *
     * @param trustStore the certificates to trust
     * @return this builder
     */
    public Builder trustStore(KeyStore trustStore) {
      this.trustStore = trustStore;
      return this;
    }

    /**
     * Accepts any TLS server certificate and host name. INSECURE: anyone on the network path can
     * impersonate the broker. Only for a lab broker with a throwaway certificate; logged as a warning
     * at every start.
     *
     * @return this builder
     */
    public Builder insecureTrustAllCertificates() {
      this.trustAll = true;
      return this;
    }

    /**
     * The sdkappid in the username; default {@value RrpcDevice#DEFAULT_SDK_APP_ID} (Tencent's Java SDK).
     *
     * @param sdkAppId the sdkappid, non-empty, without {@code ;}
     * @return this builder
     */
    public Builder sdkAppId(String sdkAppId) {
      this.sdkAppId = sdkAppId;
      return this;
    }

    /**
     * The KEY-mode password signature; default {@link SignatureAlgorithm#HMAC_SHA256}.
     *
     * @param signatureAlgorithm the algorithm
     * @return this builder
     */
    public Builder signatureAlgorithm(SignatureAlgorithm signatureAlgorithm) {
      this.signatureAlgorithm = signatureAlgorithm;
      return this;
    }

    /**
     * How long a KEY-mode signature is valid after each connection attempt; default one hour.
     *
     * @param duration how long
     * @param unit the unit of the other arguments
     * @return this builder
     */
    public Builder tokenValidity(long duration, TimeUnit unit) {
      this.tokenValidityMillis = unit.toMillis(duration);
      return this;
    }

    /**
     * How many handlers may run at once; default 1, so commands run one at a time in arrival order.
     *
     * @param workers the number of worker threads, at least 1
     * @return this builder
     */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /**
     * How many requests may wait for a worker; default {@value RrpcDevice#DEFAULT_QUEUE_CAPACITY}. A
     * request arriving when the queue is full is answered {@code busy} at once. 0 means no queue.
     *
     * @param queueCapacity the queue bound, 0 or more
     * @return this builder
     */
    public Builder queueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
      return this;
    }

    /**
     * How long after its arrival a request is answered {@code timeout} if its handler has not finished;
     * default {@value RrpcDevice#DEFAULT_DEADLINE_MILLIS} ms. The hub gives up 4 s after it published
     * the request, so keep a margin below that for the trip there and back.
     *
     * @param duration how long
     * @param unit the unit of the other arguments
     * @return this builder
     */
    public Builder deadline(long duration, TimeUnit unit) {
      this.deadlineMillis = unit.toMillis(duration);
      return this;
    }

    /**
     * Requests larger than this are answered {@code payload_too_large}; default 16 KiB.
     *
     * @param maxPayloadBytes the limit in bytes, at least 1
     * @return this builder
     */
    public Builder maxPayloadBytes(int maxPayloadBytes) {
      this.maxPayloadBytes = maxPayloadBytes;
      return this;
    }

    /**
     * The QoS of the request subscription, 0 (default, as Tencent documents) or 1. Replies are always QoS 0.
     *
     * @param requestQos 0 or 1
     * @return this builder
     */
    public Builder requestQos(int requestQos) {
      this.requestQos = requestQos;
      return this;
    }

    /**
     * The MQTT keep-alive interval; default 60 s (the hub accepts 0 to 900).
     *
     * @param keepAliveSeconds the interval in seconds, 0 to 65535
     * @return this builder
     */
    public Builder keepAliveSeconds(int keepAliveSeconds) {
      this.keepAliveSeconds = keepAliveSeconds;
      return this;
    }

    /**
     * How long {@link RrpcDevice#start()} and each reconnect attempt wait for the broker; default 10 s.
     *
     * @param duration how long
     * @param unit the unit of the other arguments
     * @return this builder
     */
    public Builder connectTimeout(long duration, TimeUnit unit) {
      this.connectTimeoutMillis = unit.toMillis(duration);
      return this;
    }

    /**
     * Reconnect delays double from {@code min} to {@code max}; default 1 s to 60 s.
     *
     * @param min the first delay
     * @param max the longest delay
     * @param unit the unit of the other arguments
     * @return this builder
     */
    public Builder reconnectBackoff(long min, long max, TimeUnit unit) {
      this.backoffMinMillis = unit.toMillis(min);
      this.backoffMaxMillis = unit.toMillis(max);
      return this;
    }

    /**
     * Told when the device connects, subscribes, loses its connection, schedules a reconnect, or fails
     * to start; default none. See {@link RrpcConnectionListener} for the order and the thread.
     *
     * @param connectionListener the listener, or {@code null} for none
     * @return this builder
     */
    public Builder connectionListener(RrpcConnectionListener connectionListener) {
      this.connectionListener = connectionListener;
      return this;
    }

    /**
     * Runs the device on executors shared with other devices in this JVM instead of threads of its own;
     * default none (the device starts its own: Paho's three, a timer, and a worker while handling). See
     * {@link RrpcExecutors} for what is shared, the fairness between devices, and who closes them. The
     * device's {@link #workers(int)} and {@link #queueCapacity(int)} still bound its own handlers.
     *
     * @param executors the shared executors, or {@code null} for the device's own
     * @return this builder
     */
    public Builder executors(RrpcExecutors executors) {
      this.executors = executors;
      return this;
    }

    /**
     * What error replies look like; default {@link ErrorReplyPolicy#standard()}.
     *
     * @param errorReplyPolicy the policy
     * @return this builder
     */
    public Builder errorReplyPolicy(ErrorReplyPolicy errorReplyPolicy) {
      this.errorReplyPolicy = errorReplyPolicy;
      return this;
    }

    /**
     * Validates the configuration, reads the TLS material, and builds the device (not started).
     *
     * @throws IllegalArgumentException naming the first problem: a missing device info or dispatcher,
     *     a command declared by two dispatchers (naming both), two fallbacks, an option out of range,
     *     an unreadable certificate or key
     * @return validates the configuration, reads the TLS material, and builds the device (not
     *     started)
     */
    public RrpcDevice build() {
      return new RrpcDevice(new DeviceSettings(this));
    }

    /** Test seam: how long the hub waits for a reply, which bounds how long a reply is held for a reconnect. */
    Builder hubDeadline(long duration, TimeUnit unit) {
      this.hubDeadlineMillis = unit.toMillis(duration);
      return this;
    }
  }
}
