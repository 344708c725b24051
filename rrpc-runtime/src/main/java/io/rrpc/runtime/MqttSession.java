package io.rrpc.runtime;

import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The device's MQTT connection on Paho's asynchronous client: connect with fresh credentials,
 * subscribe to the request topic, forward requests, publish replies, and connect again after every
 * loss (when: {@link Reconnector}).
 *
 * <p>Built first, before the parts that publish through it; its listeners come with {@link #start}.
 *
 * <p>Nothing here blocks Paho's callback thread: reconnects run on the shared scheduler, and the
 * subscription is restored with an asynchronous subscribe from the connect callback (a synchronous
 * one there deadlocks Paho). Paho's own automatic reconnect is not used because it would reuse the
 * first connection's username and password, whose signature expires.
 *
 * <p>Every reconnect attempt is watched: Paho 1.2.5 can leave a connect neither succeeded nor failed
 * (a broker that accepts the connection and never answers CONNECT; a connect task of Paho's that never
 * ends), and then nothing would try again. An attempt still pending after the connect timeout plus
 * {@value #ATTEMPT_MARGIN_MILLIS} ms, or refused with "connect already in progress", costs its Paho
 * client: it is dropped and a new one tries next.
 */
final class MqttSession implements MqttCallback, ReplySender.Publisher {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");
  private static final int SUBACK_FAILURE = 0x80;
  /** Beyond the connect timeout, what a reconnect attempt may take before it is given up. */
  static final long ATTEMPT_MARGIN_MILLIS = 2000;

  /** Where requests go. */
  interface RequestListener {
    /** A message on the request topic; called on Paho's callback thread, so it must not block. */
    void requestArrived(String topic, MqttMessage message);
  }

  private final BrokerEndpoint endpoint;
  private final ConnectIdentity identity;
  private final String requestFilter;
  private final int requestQos;
  private final int keepAliveSeconds;
  private final long connectTimeoutMillis;
  private final ScheduledExecutorService scheduler;
  private final ConnectionEvents events;
  private final Reconnector reconnector;
  private final IMqttActionListener onResubscribed = new ResubscribeListener();
  private final PahoThreads pahoThreads;
  private final ConnectGate connects;
  // The connect permit of the reconnect under way, if any; given back once it has subscribed, or failed.
  private volatile ConnectGate.Permit reconnecting;
  private volatile MqttAsyncClient client;
  private volatile RequestListener requests;
  private volatile Runnable onSubscribed;
  private volatile boolean closed;
  // The reconnect attempt under way, if any; only the scheduler thread starts one.
  private volatile ReconnectAttempt attempt;
  private final Object startLock = new Object();
  // True until the first subscription is acknowledged: until then start() owns every failure.
  private boolean starting = true; // guarded by startLock
  // A loss reported while starting: start() acts on it if it comes after the subscription.
  private boolean lostWhileStarting; // guarded by startLock
  private Throwable lossWhileStarting; // guarded by startLock

  MqttSession(BrokerEndpoint endpoint, ConnectIdentity identity, String requestFilter, int requestQos,
      int keepAliveSeconds, long connectTimeoutMillis, Backoff backoff, RrpcExecutors executors,
      ConnectionEvents events) {
    this.endpoint = endpoint;
    this.identity = identity;
    this.requestFilter = requestFilter;
    this.requestQos = requestQos;
    this.keepAliveSeconds = keepAliveSeconds;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.scheduler = executors.timer;
    this.connects = executors.connects;
    this.events = events;
    this.reconnector = new Reconnector(backoff, scheduler, events, this::reconnect, identity.clientId(), endpoint.uri);
    this.pahoThreads = new PahoThreads(executors.mqtt, executors.timer, this::clientThreadFailed);
  }

  /** Connections tried by {@link #start()} when the broker drops them right after accepting them. */
  static final int START_ATTEMPTS = 3;

  /**
   * Connects and subscribes, returning once the broker has acknowledged the subscription. Runs on the
   * caller's thread, never Paho's.
   *
   * @param requests gets every message on the request topic
   * @param onSubscribed run on the scheduler each time the subscription is back after a reconnect
   *
   * <p>A connection the broker drops after accepting it, before the subscription is acknowledged, is
   * tried again from scratch, up to {@value #START_ATTEMPTS} times in all: brokers do that under load
   * (Moquette 0.17 drops a SUBSCRIBE that overtakes its own bookkeeping of the CONNACK, about once in
   * 300 connections), and it is no reason to fail a device's start.
   */
  void start(RequestListener requests, Runnable onSubscribed) {
    this.requests = requests;
    this.onSubscribed = onSubscribed;
    for (int attempt = 1; ; attempt++) {
      try {
        startOnce();
        return;
      } catch (DroppedAfterConnect dropped) {
        if (attempt >= START_ATTEMPTS) {
          abandon();
          throw new RrpcStartException(RrpcStartException.Reason.CONNECTION_FAILED,
              "cannot start RRPC device on " + endpoint.uri + ": the broker dropped the connection after "
                  + "accepting it, " + START_ATTEMPTS + " times: " + StartFailures.describe(dropped.getCause()),
              dropped.getCause());
        }
        LOG.warning("connection dropped before the subscription was acknowledged ("
            + StartFailures.describe(dropped.getCause()) + "); connecting again");
      }
    }
  }

  private void startOnce() throws DroppedAfterConnect {
    ConnectGate.Permit permit = connects.await();
    try {
      connectAndSubscribe();
    } finally {
      permit.release();
    }
  }

  private void connectAndSubscribe() throws DroppedAfterConnect {
    String username = identity.username();
    char[] password = identity.password(username);
    boolean connected = false;
    synchronized (startLock) {
      lostWhileStarting = false;
      lossWhileStarting = null;
    }
    try {
      MqttAsyncClient c = newClient();
      client = c;
      c.connect(options(username, password)).waitForCompletion(connectTimeoutMillis);
      connected = true;
      // The happy path logs at FINE: the application hears of it through its listener, and a first INFO
      // record costs a device JVM tens of milliseconds of start-up in java.util.logging's formatter.
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine("connected to " + endpoint.uri + " as " + identity.clientId());
      }
      events.connected(endpoint.uri);
      IMqttToken subscription = c.subscribe(requestFilter, requestQos);
      subscription.waitForCompletion(connectTimeoutMillis);
      if (refused(subscription)) {
        throw new RrpcStartException(RrpcStartException.Reason.SUBSCRIPTION_REFUSED,
            endpoint.uri + " refused the subscription to " + requestFilter, null);
      }
      boolean lost;
      Throwable loss;
      synchronized (startLock) {
        starting = false;
        lost = lostWhileStarting;
        loss = lossWhileStarting;
        // Still under the lock: a loss Paho reports from now on (connectionLost() takes this lock first)
        // is logged and told to the listener after "subscribed", never before it.
        reconnector.subscribed();
        if (LOG.isLoggable(Level.FINE)) {
          LOG.fine("subscribe success, topic: " + requestFilter);
        }
        events.subscribed(requestFilter);
      }
      if (lost) {
        // Lost between the SUBACK and now, when connectionLost() left it to start(): started all
        // the same (the device was subscribed), and reconnecting like after any other loss.
        connectionLost(loss);
      }
    } catch (MqttException e) {
      boolean dropped = connected && e.getReasonCode() != MqttException.REASON_CODE_SUBSCRIBE_FAILED
          && e.getReasonCode() != MqttException.REASON_CODE_CLIENT_TIMEOUT;
      if (dropped) {
        discardClient(); // the next attempt makes a new client on the same threads
        throw new DroppedAfterConnect(e);
      }
      abandon();
      throw StartFailures.of(e, endpoint.uri);
    } catch (RuntimeException e) {
      abandon();
      throw e;
    } finally {
      clear(password);
    }
  }

  /** The broker accepted the connection, then dropped it before acknowledging the subscription. */
  private static final class DroppedAfterConnect extends Exception {
    private static final long serialVersionUID = 1L;

    DroppedAfterConnect(MqttException cause) {
      super(cause);
    }
  }

  /**
   * Hands a QoS 0 publish to Paho without waiting.
   *
   * @return {@code false} when Paho refused it at once (not connected); {@code callback} then is
   *     not
   *     called
   */
  @Override
  public boolean publish(String topic, byte[] payload, Object context, IMqttActionListener callback) {
    MqttAsyncClient c = client;
    if (c == null || closed) {
      return false;
    }
    try {
      c.publish(topic, payload, 0, false, context, callback);
      return true;
    } catch (MqttException | RuntimeException e) {
      return false;
    }
  }

  /** Whether the connection is up right now. */
  boolean isConnected() {
    MqttAsyncClient c = client;
    return c != null && c.isConnected();
  }

  /** Disconnects (letting Paho finish sending what it holds, up to {@code quiesceMillis}) and stops reconnecting. */
  void close(long quiesceMillis) {
    closed = true;
    endReconnect();
    MqttAsyncClient c = client;
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        c.disconnect(quiesceMillis).waitForCompletion(quiesceMillis + connectTimeoutMillis);
      }
    } catch (MqttException e) {
      LOG.log(Level.FINE, "disconnect: " + StartFailures.describe(e), e);
    }
    try {
      c.close(true);
    } catch (MqttException e) {
      LOG.log(Level.FINE, "close: " + StartFailures.describe(e), e);
    }
    pahoThreads.shutdownNow(); // Paho never shuts down an executor it was given
  }

  @Override
  public void connectionLost(Throwable cause) {
    synchronized (startLock) {
      if (starting) {
        // start() handles a loss during start itself; one after the SUBACK it hands back here.
        lostWhileStarting = true;
        lossWhileStarting = cause;
        return;
      }
    }
    if (closed) {
      return;
    }
    LOG.warning("connection lost: " + StartFailures.describe(cause) + "; reconnecting");
    events.disconnected(cause);
    reconnector.connectionLost();
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    try {
      requests.requestArrived(topic, message);
    } catch (Throwable t) {
      // An exception escaping to Paho would make it drop the connection.
      LOG.log(Level.SEVERE, "unexpected failure taking a request", t);
    }
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {}

  private MqttConnectOptions options(String username, char[] password) {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setCleanSession(true);
    o.setAutomaticReconnect(false);
    o.setKeepAliveInterval(keepAliveSeconds);
    o.setConnectionTimeout((int) Math.max(1, TimeUnit.MILLISECONDS.toSeconds(connectTimeoutMillis + 999)));
    // Replies are QoS 0, which Paho does not count against the window; a handler's own QoS 1
    // publishes through another client are not affected either. Generous anyway.
    o.setMaxInflight(1000);
    o.setUserName(username);
    if (password != null) {
      o.setPassword(password);
    }
    o.setSocketFactory(endpoint.socketFactory);
    o.setHttpsHostnameVerificationEnabled(endpoint.verifyHostname);
    return o;
  }

  private void scheduleReconnect() {
    if (!closed) {
      reconnector.attemptFailed();
    }
  }

  /**
   * Builds a Paho client for this session, reporting to it: the first one and every replacement of a
   * client given up on.
   */
  private MqttAsyncClient newClient() throws MqttException {
    // Keep-alive pings on the timer rather than a Timer thread of its own per client.
    MqttAsyncClient c = new MqttAsyncClient(endpoint.uri, identity.clientId(), new MemoryPersistence(),
        new ScheduledExecutorPingSender(scheduler), pahoThreads);
    c.setCallback(this);
    return c;
  }

  /** On the scheduler when the backoff delay is over: waits for a connect permit without holding a thread. */
  private void reconnect() {
    if (closed) {
      return;
    }
    connects.enter(permit -> {
      try {
        scheduler.execute(() -> reconnectWith(permit));
      } catch (RejectedExecutionException closing) {
        permit.release();
      }
    });
  }

  /** On the scheduler thread, holding a connect permit: a fresh signature for every attempt. */
  private void reconnectWith(ConnectGate.Permit permit) {
    MqttAsyncClient c = client;
    if (closed || c == null || c.isConnected()) {
      permit.release();
      return; // closing, or two losses raced and the other reconnect won
    }
    ReconnectAttempt pending = attempt;
    if (pending != null && !pending.isOver()) {
      permit.release();
      return; // two losses raced: the attempt under way schedules the next one if it fails
    }
    reconnecting = permit;
    String username = identity.username();
    char[] password = identity.password(username);
    ReconnectAttempt next = new ReconnectAttempt(c, password);
    attempt = next;
    try {
      next.watch();
      c.connect(options(username, password), null, next);
    } catch (MqttException | RuntimeException e) {
      if (!next.end()) {
        return; // Paho reported the failure to the listener as well
      }
      endReconnect();
      if (closed) {
        return; // close() won the race with this attempt
      }
      LOG.warning("reconnect to " + endpoint.uri + " failed: " + StartFailures.describe(e));
      if (e instanceof MqttException
          && ((MqttException) e).getReasonCode() == MqttException.REASON_CODE_CONNECT_IN_PROGRESS) {
        replaceClient(c); // an earlier connect that never ended holds this client
      }
      scheduleReconnect();
    }
  }

  /** The reconnect under way subscribed, or failed: its connect permit goes to the next device in line. */
  private void endReconnect() {
    ConnectGate.Permit permit = reconnecting;
    if (permit != null) {
      reconnecting = null;
      permit.release(); // idempotent, so two paths racing here give it back once
    }
  }

  /**
   * On the scheduler thread: a reconnect attempt neither succeeded nor failed in time. Its client is
   * dropped (Paho would refuse it another connect while this one is pending), and a new one tries next.
   */
  private void attemptTimedOut(ReconnectAttempt stuck) {
    endReconnect();
    if (closed) {
      return;
    }
    LOG.warning("reconnect to " + endpoint.uri + " neither succeeded nor failed within "
        + stuck.timeoutMillis() + " ms; trying again with a new MQTT client");
    replaceClient(stuck.tried);
    scheduleReconnect();
  }

  /**
   * On the scheduler thread: drops {@code old} (its threads end; it reports nothing more) and puts a new
   * client in its place, unless it was replaced already.
   */
  private void replaceClient(MqttAsyncClient old) {
    if (client != old) {
      return;
    }
    try {
      client = newClient();
    } catch (MqttException | RuntimeException e) {
      // Not expected: the same arguments built the first client. The next attempt tries the old one.
      LOG.log(Level.WARNING, "cannot build a new MQTT client: " + StartFailures.describe(e), e);
      return;
    }
    drop(old);
    if (closed) {
      drop(client); // close() ran meanwhile and closed the old one only
    }
  }

  /** Drops a connection whose subscription failed, then tries the whole thing again. */
  private void reconnectFromScratch() {
    try {
      scheduler.execute(() -> {
        try {
          client.disconnect(0, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              scheduleReconnect();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
              scheduleReconnect();
            }
          });
        } catch (MqttException | RuntimeException e) {
          scheduleReconnect();
        }
      });
    } catch (RejectedExecutionException e) {
      // The device is closing.
    }
  }

  private void discardClient() {
    MqttAsyncClient c = client;
    client = null;
    if (c != null) {
      drop(c);
    }
  }

  /**
   * Stops a client for good without waiting for the broker: it reports nothing more, its receiver,
   * sender and callback tasks end, and its connect, if one is pending, fails.
   */
  private static void drop(MqttAsyncClient c) {
    c.setCallback(null);
    try {
      c.disconnectForcibly(0, 1000, false);
    } catch (MqttException | RuntimeException e) {
      LOG.log(Level.FINE, "dropping an MQTT client: " + StartFailures.describe(e), e);
    }
    try {
      c.close(true);
    } catch (MqttException | RuntimeException e) {
      LOG.log(Level.FINE, "closing a dropped MQTT client: " + StartFailures.describe(e), e);
    }
  }

  /** Gives up after a failed start: no reconnects, and Paho's threads end. */
  private void abandon() {
    discardClient();
    closed = true;
    pahoThreads.shutdownNow(); // Paho never shuts down an executor it was given
  }

  /**
   * On the dying Paho thread: one of Paho's tasks ended on an exception Paho does not handle (see
   * {@link PahoThreads}), typically its receiver on a malformed packet. The connection still looks up
   * but is dead: drop it and reconnect now rather than when keep-alive notices.
   */
  private void clientThreadFailed(Throwable failure) {
    if (closed) {
      return;
    }
    LOG.warning("the MQTT client failed: " + StartFailures.describe(failure) + "; reconnecting");
    events.disconnected(failure);
    try {
      scheduler.execute(() -> {
        MqttAsyncClient c = client;
        if (closed || c == null) {
          return;
        }
        try {
          c.disconnectForcibly(0, 1000, false);
        } catch (MqttException | RuntimeException e) {
          LOG.log(Level.FINE, "dropping the failed connection", e);
        }
        reconnector.connectionLost();
      });
    } catch (RejectedExecutionException e) {
      // The device is closing.
    }
  }

  private static boolean refused(IMqttToken subscription) {
    int[] granted = subscription.getGrantedQos();
    return granted == null || granted.length == 0 || granted[0] == SUBACK_FAILURE;
  }

  private static void clear(char[] password) {
    if (password != null) {
      Arrays.fill(password, '\0');
    }
  }

  /**
   * One reconnect attempt on one client, and its watchdog. It ends once: by Paho's answer (on Paho's
   * callback thread: connected, so restore the subscription without waiting for it; or failed) or by
   * the watchdog (on the scheduler); whatever comes later is ignored.
   */
  private final class ReconnectAttempt implements IMqttActionListener {
    /** The client this attempt connects; not necessarily the session's current one any more. */
    final MqttAsyncClient tried;
    private final char[] password;
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile ScheduledFuture<?> watchdog;

    ReconnectAttempt(MqttAsyncClient tried, char[] password) {
      this.tried = tried;
      this.password = password;
    }

    long timeoutMillis() {
      return TimeUnit.SECONDS.toMillis(Math.max(1, TimeUnit.MILLISECONDS.toSeconds(connectTimeoutMillis + 999)))
          + ATTEMPT_MARGIN_MILLIS; // Paho's own timeout is in whole seconds
    }

    /** Starts the watchdog; before the connect, so that an answer always finds it. */
    void watch() {
      try {
        watchdog = scheduler.schedule(() -> {
          if (end()) {
            attemptTimedOut(this);
          }
        }, timeoutMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // The device is closing.
      }
    }

    boolean isOver() {
      return over.get();
    }

    /** @return whether this call ended the attempt (the first to do so acts on its outcome) */
    boolean end() {
      if (!over.compareAndSet(false, true)) {
        return false;
      }
      clear(password);
      ScheduledFuture<?> w = watchdog;
      if (w != null) {
        w.cancel(false);
      }
      return true;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      if (!end()) {
        return;
      }
      if (closed) {
        endReconnect();
        return;
      }
      LOG.info("reconnected to " + endpoint.uri + " as " + identity.clientId());
      events.connected(endpoint.uri);
      try {
        tried.subscribe(requestFilter, requestQos, null, onResubscribed);
      } catch (MqttException | RuntimeException e) {
        LOG.warning("subscribe to " + requestFilter + " failed: " + StartFailures.describe(e));
        endReconnect();
        reconnectFromScratch();
      }
    }

    @Override
    public void onFailure(IMqttToken token, Throwable exception) {
      if (!end()) {
        return;
      }
      endReconnect();
      if (closed) {
        return;
      }
      LOG.warning("reconnect to " + endpoint.uri + " failed: " + StartFailures.describe(exception));
      scheduleReconnect();
    }
  }

  /** Paho's callback thread: the subscription is back; replies held during the outage may go now. */
  private final class ResubscribeListener implements IMqttActionListener {
    @Override
    public void onSuccess(IMqttToken token) {
      endReconnect();
      if (refused(token)) {
        LOG.severe("subscribe refused, topic: " + requestFilter + "; reconnecting");
        reconnectFromScratch();
        return;
      }
      reconnector.subscribed();
      LOG.info("subscribed again, topic: " + requestFilter);
      try {
        scheduler.execute(onSubscribed);
      } catch (RejectedExecutionException e) {
        // The device is closing.
      }
      events.subscribed(requestFilter);
    }

    @Override
    public void onFailure(IMqttToken token, Throwable exception) {
      endReconnect();
      LOG.warning("subscribe to " + requestFilter + " failed: " + StartFailures.describe(exception));
      reconnectFromScratch();
    }
  }

  /** Whether {@code t} or one of its causes is a TLS failure. */
  static boolean isTls(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SSLException || c instanceof java.security.cert.CertificateException) {
        return true;
      }
    }
    return false;
  }
}
