package io.rrpc.runtime;

import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * <p>Thread-safe. A started device keeps the JVM alive until it is closed.
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
  /** The hub gives up on a request this long after publishing it. */
  static final long HUB_DEADLINE_MILLIS = 4000;
  // Duplicate detection remembers at most this many answered processIds (a window's worth at 1000/s).
  private static final int RECENT_CAPACITY = 4096;

  private enum State { NEW, RUNNING, CLOSED }

  private final Builder config;
  private final DeviceInfo device;
  private final DispatchTable table;
  private final BrokerEndpoint endpoint;
  private final RrpcTopics topics;
  private final MetricsRecorder metrics = new MetricsRecorder();
  private final Object lifecycle = new Object();
  private State state = State.NEW;
  private ThreadPoolExecutor workers;
  private ScheduledThreadPoolExecutor scheduler;
  private ReplySender replies;
  private volatile RequestPipeline pipeline;
  private MqttSession session;

  private RrpcDevice(Builder b, DispatchTable table, BrokerEndpoint endpoint) {
    this.config = b.copy();
    this.device = b.deviceInfo;
    this.table = table;
    this.endpoint = endpoint;
    this.topics = new RrpcTopics(device.productId(), device.deviceName());
  }

  /** A builder; {@link Builder#deviceInfo(DeviceInfo)} and at least one dispatcher are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Connects, subscribes to {@code $rrpc/rxd/{productId}/{deviceName}/+} and returns once the broker has
   * acknowledged the subscription. After that, lost connections are re-established in the background
   * with backoff and the subscription restored each time.
   *
   * <p>A device whose start failed may be started again.
   *
   * @throws RrpcStartException when the device cannot connect or subscribe; see its {@link
   *     RrpcStartException#reason() reason}
   * @throws IllegalStateException when already started or closed
   */
  public void start() {
    synchronized (lifecycle) {
      if (state != State.NEW) {
        throw new IllegalStateException(state == State.RUNNING ? "already started" : "closed");
      }
      if (endpoint.trustsAll) {
        LOG.warning("INSECURE: TLS server certificates are not verified (insecureTrustAllCertificates);"
            + " anyone on the network path to " + endpoint.uri + " can impersonate the broker");
      }
      String name = "rrpc-" + device.productId() + device.deviceName();
      BlockingQueue<Runnable> queue = config.queueCapacity == 0
          ? new SynchronousQueue<>() : new LinkedBlockingQueue<>(config.queueCapacity);
      workers = new ThreadPoolExecutor(config.workers, config.workers, 0, TimeUnit.MILLISECONDS, queue,
          new NamedThreads(name + "-worker"), new ThreadPoolExecutor.AbortPolicy());
      workers.prestartAllCoreThreads();
      scheduler = new ScheduledThreadPoolExecutor(1, new NamedThreads(name + "-scheduler"));
      scheduler.setRemoveOnCancelPolicy(true);
      replies = new ReplySender(metrics, Math.max(config.hubDeadlineMillis, config.deadlineMillis));
      pipeline = new RequestPipeline(topics, table, config.errorReplyPolicy, metrics, replies, workers, scheduler,
          config.deadlineMillis, config.maxPayloadBytes, RECENT_CAPACITY);
      ConnectIdentity identity = new ConnectIdentity(device, config.sdkAppId, config.signatureAlgorithm,
          config.tokenValidityMillis);
      session = new MqttSession(endpoint, identity, topics.requestFilter(), config.requestQos,
          config.keepAliveSeconds, config.connectTimeoutMillis,
          new Backoff(config.backoffMinMillis, config.backoffMaxMillis), scheduler, pipeline);
      replies.attach(session);
      try {
        session.start();
      } catch (RuntimeException e) {
        workers.shutdownNow();
        scheduler.shutdownNow();
        pipeline = null;
        throw e;
      }
      state = State.RUNNING;
    }
  }

  /**
   * Stops taking requests (new ones are answered {@code busy}), lets in-flight handlers finish or time
   * out, publishes their replies, then disconnects. Returns within about the deadline plus a second or
   * two. Idempotent. Do not call it from a handler: it waits for handlers.
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
    boolean interrupted = false;
    // Refuse new requests first: from the "closing" line on, every request that arrives is busy.
    pipeline.stopAccepting();
    LOG.info("closing, " + metrics.inFlight.get() + " requests in flight");
    try {
      // Every accepted request is answered by its deadline at the latest; the extra second covers the
      // timer's own scheduling.
      if (!pipeline.awaitAnswered(config.deadlineMillis + 1000)) {
        LOG.warning("closing with " + metrics.inFlight.get() + " requests unanswered");
      }
      replies.flush(Math.max(1000, config.connectTimeoutMillis));
    } catch (InterruptedException e) {
      interrupted = true;
    }
    session.close(1000);
    workers.shutdownNow();
    scheduler.shutdownNow();
    LOG.info("closed, " + metrics.snapshot(0));
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The device's counters right now. */
  public RrpcMetrics metrics() {
    RequestPipeline p = pipeline;
    return metrics.snapshot(p == null ? 0 : p.queued());
  }

  /** Whether the MQTT connection is up right now. */
  public boolean isConnected() {
    MqttSession s;
    synchronized (lifecycle) {
      s = state == State.RUNNING ? session : null;
    }
    return s != null && s.isConnected();
  }

  /** The identity this device connects with. */
  public DeviceInfo deviceInfo() {
    return device;
  }

  @Override
  public String toString() {
    return "RrpcDevice{" + device.productId() + "/" + device.deviceName() + " on " + endpoint.uri + "}";
  }

  /**
   * Configures an {@link RrpcDevice}. Every option has a default suited to Tencent Cloud IoT Hub; only
   * the device info and at least one dispatcher are required. {@link #build()} validates everything and
   * fails with a message naming the problem.
   */
  public static final class Builder {
    private DeviceInfo deviceInfo;
    private final List<RrpcDispatcher> dispatchers = new ArrayList<>();
    private String brokerUri;
    private boolean tls = true;
    private KeyStore trustStore;
    private boolean trustAll;
    private String sdkAppId = DEFAULT_SDK_APP_ID;
    private SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.HMAC_SHA256;
    private long tokenValidityMillis = TimeUnit.HOURS.toMillis(1);
    private int workers = 1;
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private long deadlineMillis = DEFAULT_DEADLINE_MILLIS;
    private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
    private int requestQos = 0;
    private int keepAliveSeconds = 60;
    private long connectTimeoutMillis = TimeUnit.SECONDS.toMillis(10);
    private long backoffMinMillis = 1000;
    private long backoffMaxMillis = TimeUnit.SECONDS.toMillis(60);
    private ErrorReplyPolicy errorReplyPolicy = ErrorReplyPolicy.standard();
    private long hubDeadlineMillis = HUB_DEADLINE_MILLIS;

    private Builder() {}

    /** Who the device is; required. */
    public Builder deviceInfo(DeviceInfo deviceInfo) {
      this.deviceInfo = deviceInfo;
      return this;
    }

    /** Adds a dispatcher, usually a generated {@code <Class>_RrpcDispatcher}. */
    public Builder dispatcher(RrpcDispatcher dispatcher) {
      if (dispatcher == null) {
        throw new NullPointerException("dispatcher");
      }
      dispatchers.add(dispatcher);
      return this;
    }

    /** Adds dispatchers, for example a Dagger {@code Set<RrpcDispatcher>} multibinding. */
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
     */
    public Builder brokerUri(String brokerUri) {
      this.brokerUri = brokerUri;
      return this;
    }

    /**
     * Whether a KEY-mode device uses TLS on port 8883 (the default) or plain TCP on 1883. CERT mode is
     * always TLS. Ignored with {@link #brokerUri(String)}, whose scheme decides.
     */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /** The certificates a TLS broker must chain to, instead of the default (see {@link #brokerUri(String)}). */
    public Builder trustStore(KeyStore trustStore) {
      this.trustStore = trustStore;
      return this;
    }

    /**
     * Accepts any TLS server certificate and host name. INSECURE: anyone on the network path can
     * impersonate the broker. Only for a lab broker with a throwaway certificate; logged as a warning
     * at every start.
     */
    public Builder insecureTrustAllCertificates() {
      this.trustAll = true;
      return this;
    }

    /** The sdkappid in the username; default {@value RrpcDevice#DEFAULT_SDK_APP_ID} (Tencent's Java SDK). */
    public Builder sdkAppId(String sdkAppId) {
      this.sdkAppId = sdkAppId;
      return this;
    }

    /** The KEY-mode password signature; default {@link SignatureAlgorithm#HMAC_SHA256}. */
    public Builder signatureAlgorithm(SignatureAlgorithm signatureAlgorithm) {
      this.signatureAlgorithm = signatureAlgorithm;
      return this;
    }

    /** How long a KEY-mode signature is valid after each connection attempt; default one hour. */
    public Builder tokenValidity(long duration, TimeUnit unit) {
      this.tokenValidityMillis = unit.toMillis(duration);
      return this;
    }

    /** How many handlers may run at once; default 1, so commands run one at a time in arrival order. */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /**
     * How many requests may wait for a worker; default {@value RrpcDevice#DEFAULT_QUEUE_CAPACITY}. A
     * request arriving when the queue is full is answered {@code busy} at once. 0 means no queue.
     */
    public Builder queueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
      return this;
    }

    /**
     * How long after its arrival a request is answered {@code timeout} if its handler has not finished;
     * default {@value RrpcDevice#DEFAULT_DEADLINE_MILLIS} ms. The hub gives up 4 s after it published
     * the request, so keep a margin below that for the trip there and back.
     */
    public Builder deadline(long duration, TimeUnit unit) {
      this.deadlineMillis = unit.toMillis(duration);
      return this;
    }

    /** Requests larger than this are answered {@code payload_too_large}; default 16 KiB. */
    public Builder maxPayloadBytes(int maxPayloadBytes) {
      this.maxPayloadBytes = maxPayloadBytes;
      return this;
    }

    /** The QoS of the request subscription, 0 (default, as Tencent documents) or 1. Replies are always QoS 0. */
    public Builder requestQos(int requestQos) {
      this.requestQos = requestQos;
      return this;
    }

    /** The MQTT keep-alive interval; default 60 s (the hub accepts 0 to 900). */
    public Builder keepAliveSeconds(int keepAliveSeconds) {
      this.keepAliveSeconds = keepAliveSeconds;
      return this;
    }

    /** How long {@link RrpcDevice#start()} and each reconnect attempt wait for the broker; default 10 s. */
    public Builder connectTimeout(long duration, TimeUnit unit) {
      this.connectTimeoutMillis = unit.toMillis(duration);
      return this;
    }

    /** Reconnect delays double from {@code min} to {@code max}; default 1 s to 60 s. */
    public Builder reconnectBackoff(long min, long max, TimeUnit unit) {
      this.backoffMinMillis = unit.toMillis(min);
      this.backoffMaxMillis = unit.toMillis(max);
      return this;
    }

    /** What error replies look like; default {@link ErrorReplyPolicy#standard()}. */
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
     */
    public RrpcDevice build() {
      if (deviceInfo == null) {
        throw new IllegalArgumentException("deviceInfo is required");
      }
      DispatchTable table = DispatchTable.of(dispatchers);
      require(workers >= 1, "workers must be at least 1, was " + workers);
      require(queueCapacity >= 0, "queueCapacity must not be negative, was " + queueCapacity);
      require(deadlineMillis >= 1, "deadline must be positive, was " + deadlineMillis + " ms");
      require(maxPayloadBytes >= 1, "maxPayloadBytes must be positive, was " + maxPayloadBytes);
      require(requestQos == 0 || requestQos == 1, "requestQos must be 0 or 1, was " + requestQos);
      require(keepAliveSeconds >= 0 && keepAliveSeconds <= 65535,
          "keepAliveSeconds must be 0..65535, was " + keepAliveSeconds);
      require(connectTimeoutMillis >= 1, "connectTimeout must be positive");
      require(backoffMinMillis >= 1 && backoffMaxMillis >= backoffMinMillis,
          "reconnectBackoff needs 0 < min <= max, was " + backoffMinMillis + ".." + backoffMaxMillis + " ms");
      require(tokenValidityMillis >= 1000, "tokenValidity must be at least 1 s");
      require(sdkAppId != null && !sdkAppId.isEmpty() && sdkAppId.indexOf(';') < 0,
          "sdkAppId must be non-empty without ';'");
      require(signatureAlgorithm != null, "signatureAlgorithm must not be null");
      require(errorReplyPolicy != null, "errorReplyPolicy must not be null");
      BrokerEndpoint endpoint = BrokerEndpoint.create(deviceInfo, brokerUri, tls, trustStore, trustAll);
      return new RrpcDevice(this, table, endpoint);
    }

    /** Test seam: how long the hub waits for a reply, which bounds how long a reply is held for a reconnect. */
    Builder hubDeadline(long duration, TimeUnit unit) {
      this.hubDeadlineMillis = unit.toMillis(duration);
      return this;
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException(message);
      }
    }

    private Builder copy() {
      Builder c = new Builder();
      c.deviceInfo = deviceInfo;
      c.dispatchers.addAll(dispatchers);
      c.brokerUri = brokerUri;
      c.tls = tls;
      c.trustStore = trustStore;
      c.trustAll = trustAll;
      c.sdkAppId = sdkAppId;
      c.signatureAlgorithm = signatureAlgorithm;
      c.tokenValidityMillis = tokenValidityMillis;
      c.workers = workers;
      c.queueCapacity = queueCapacity;
      c.deadlineMillis = deadlineMillis;
      c.maxPayloadBytes = maxPayloadBytes;
      c.requestQos = requestQos;
      c.keepAliveSeconds = keepAliveSeconds;
      c.connectTimeoutMillis = connectTimeoutMillis;
      c.backoffMinMillis = backoffMinMillis;
      c.backoffMaxMillis = backoffMaxMillis;
      c.errorReplyPolicy = errorReplyPolicy;
      c.hubDeadlineMillis = hubDeadlineMillis;
      return c;
    }
  }
}
