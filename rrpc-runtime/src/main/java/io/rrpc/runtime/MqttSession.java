package io.rrpc.runtime;

import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 */
final class MqttSession implements MqttCallback, ReplySender.Publisher {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");
  private static final int SUBACK_FAILURE = 0x80;

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
  private final IMqttActionListener onReconnected = new ReconnectListener();
  private final IMqttActionListener onResubscribed = new ResubscribeListener();
  private final PahoThreads pahoThreads;
  private final ConnectGate connects;
  // The permit of the reconnect in progress, if any; released when it has connected and subscribed, or failed.
  private volatile ConnectGate.Permit reconnecting;
  private volatile MqttAsyncClient client;
  private volatile RequestListener requests;
  private volatile Runnable onSubscribed;
  private volatile boolean closed;
  // True until the first subscription is acknowledged: until then start() owns every failure.
  private volatile boolean starting = true;

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
    try {
      // Keep-alive pings on the timer rather than a Timer thread of their own per client.
      MqttAsyncClient c = new MqttAsyncClient(endpoint.uri, identity.clientId(), new MemoryPersistence(),
          new ScheduledExecutorPingSender(scheduler), pahoThreads);
      client = c;
      c.setCallback(this);
      c.connect(options(username, password)).waitForCompletion(connectTimeoutMillis);
      connected = true;
      LOG.info("connected to " + endpoint.uri + " as " + identity.clientId());
      events.connected(endpoint.uri);
      IMqttToken subscription = c.subscribe(requestFilter, requestQos);
      subscription.waitForCompletion(connectTimeoutMillis);
      if (refused(subscription)) {
        throw new RrpcStartException(RrpcStartException.Reason.SUBSCRIPTION_REFUSED,
            endpoint.uri + " refused the subscription to " + requestFilter, null);
      }
      starting = false;
      reconnector.subscribed();
      LOG.info("subscribe success, topic: " + requestFilter);
      events.subscribed(requestFilter);
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
    if (closed || starting) {
      return; // start() handles a loss during start itself
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
    reconnecting = permit;
    if (closed || client.isConnected()) {
      endReconnect();
      return; // closing, or two losses raced and the other reconnect won
    }
    String username = identity.username();
    char[] password = identity.password(username);
    try {
      client.connect(options(username, password), password, onReconnected);
    } catch (MqttException | RuntimeException e) {
      clear(password);
      endReconnect();
      if (closed) {
        return; // close() won the race with this attempt
      }
      LOG.warning("reconnect to " + endpoint.uri + " failed: " + StartFailures.describe(e));
      scheduleReconnect();
    }
  }

  /** The reconnect in progress connected and subscribed, or failed: its permit goes to the next device. */
  private void endReconnect() {
    ConnectGate.Permit permit = reconnecting;
    if (permit != null) {
      reconnecting = null;
      permit.release();
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
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        c.disconnectForcibly(0, 1000, false);
      }
      c.close(true);
    } catch (MqttException | RuntimeException e) {
      LOG.log(Level.FINE, "cleanup after a failed start", e);
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

  /** Paho's callback thread: connected again, so restore the subscription without waiting for it. */
  private final class ReconnectListener implements IMqttActionListener {
    @Override
    public void onSuccess(IMqttToken token) {
      clear((char[]) token.getUserContext());
      if (closed) {
        endReconnect();
        return;
      }
      LOG.info("connected to " + endpoint.uri + " as " + identity.clientId());
      events.connected(endpoint.uri);
      try {
        client.subscribe(requestFilter, requestQos, null, onResubscribed);
      } catch (MqttException | RuntimeException e) {
        LOG.warning("subscribe to " + requestFilter + " failed: " + StartFailures.describe(e));
        endReconnect();
        reconnectFromScratch();
      }
    }

    @Override
    public void onFailure(IMqttToken token, Throwable exception) {
      clear((char[]) token.getUserContext());
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
      LOG.info("subscribe success, topic: " + requestFilter);
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
