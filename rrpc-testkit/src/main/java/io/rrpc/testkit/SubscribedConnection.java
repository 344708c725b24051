package io.rrpc.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A Paho client subscribed to one topic filter: it subscribes on every connect, including the
 * reconnects Paho makes by itself (with automatic reconnect on), so that a connection dropped right
 * after its CONNACK (Moquette's race, see {@link EmbeddedBroker}; {@link DropFirstSubscribeBroker}
 * reproduces it) or lost to a broker restart ends up subscribed again. This is the testkit's one answer to that race:
 * {@link HubSimulator} is built on it, and test clients of any module can be too.
 *
 * <pre>{@code
 * try (SubscribedConnection c = SubscribedConnection.open(broker.uri(), "watcher", broker.serviceConnectOptions(),
 *     "$rrpc/txd/+/+/+", 0, (topic, payload) -> replies.add(topic), Duration.ofSeconds(10))) {
 *   c.publish("$rrpc/rxd/KL4J2XXXX8/airConditioner1/1", payload, 0);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Messages are handed over on Paho's callback thread: the handler must return quickly
 * and never block (Paho stalls otherwise); an exception it throws is logged and the connection kept.
 */
public final class SubscribedConnection implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("io.rrpc.testkit.connection");
  /** Connections made, without automatic reconnect, before giving up on a broker that drops each one. */
  public static final int CONNECT_ATTEMPTS = 3;

  /** Receives each message on the subscribed filter. */
  @FunctionalInterface
  public interface MessageHandler {
    /**
     * Called on Paho's callback thread: return quickly, never block.
     *
     * @param topic the message's topic
     * @param payload its bytes
     */
    void onMessage(String topic, byte[] payload);
  }

  private final MqttAsyncClient client;
  private final String filter;
  private final int qos;
  private final MessageHandler handler;
  private final Object readiness = new Object();
  private boolean subscribed; // guarded by readiness
  private boolean closed; // guarded by readiness
  private int losses; // guarded by readiness

  private SubscribedConnection(MqttAsyncClient client, String filter, int qos, MessageHandler handler) {
    this.client = client;
    this.filter = filter;
    this.qos = qos;
    this.handler = handler;
  }

  /**
   * Connects and returns once subscribed. With {@code options.isAutomaticReconnect()}, Paho reconnects
   * whenever the connection is lost and each reconnect subscribes again; without, a connection dropped
   * before its subscription is acknowledged is made again (up to {@value #CONNECT_ATTEMPTS} times in
   * all), and a connection lost later stays lost, e.g. for a device whose session another one takes over.
   *
   * @param uri the broker, e.g. {@code tcp://127.0.0.1:1883}
   * @param clientId the MQTT client id
   * @param options the connect options; {@code isAutomaticReconnect()} chooses how losses are handled
   * @param topicFilter the filter to stay subscribed to
   * @param qos the subscription's QoS
   * @param handler receives each message
   * @param timeout how long the connect, and then the subscription, may take
   * @return the connection, subscribed
   * @throws MqttException when the broker cannot be reached or refuses the login, or (without automatic
   *     reconnect) drops every attempt before the subscription
   * @throws IllegalStateException when connected but not subscribed within {@code timeout}
   */
  public static SubscribedConnection open(String uri, String clientId, MqttConnectOptions options,
      String topicFilter, int qos, MessageHandler handler, Duration timeout) throws MqttException {
    Objects.requireNonNull(topicFilter, "topicFilter");
    Objects.requireNonNull(handler, "handler");
    MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    SubscribedConnection connection = new SubscribedConnection(client, topicFilter, qos, handler);
    client.setCallback(connection.new Callback());
    try {
      for (int attempt = 1; ; attempt++) {
        int lossesBefore = connection.losses();
        client.connect(options).waitForCompletion(timeout.toMillis());
        if (connection.awaitSubscribedOrLost(timeout, lossesBefore, options.isAutomaticReconnect())) {
          return connection;
        }
        if (options.isAutomaticReconnect() || connection.losses() == lossesBefore) {
          throw new IllegalStateException(clientId + " connected to " + uri + " but was not subscribed to "
              + topicFilter + " within " + timeout.toMillis() + " ms");
        }
        if (attempt == CONNECT_ATTEMPTS) {
          throw new MqttException(MqttException.REASON_CODE_CONNECTION_LOST,
              new IllegalStateException(uri + " dropped each of " + CONNECT_ATTEMPTS + " connections of " + clientId
                  + " before acknowledging its subscription to " + topicFilter));
        }
        LOG.info(() -> clientId + " was dropped before its subscription was acknowledged; connecting again");
      }
    } catch (MqttException | RuntimeException e) {
      connection.close();
      throw e;
    } catch (InterruptedException e) {
      connection.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while subscribing " + clientId, e);
    }
  }

  /**
   * Whether it is connected and subscribed now.
   *
   * @return true while the subscription stands
   */
  public boolean isSubscribed() {
    synchronized (readiness) {
      return subscribed;
    }
  }

  /**
   * Waits until it is connected and subscribed, e.g. after the broker restarted.
   *
   * @param timeout how long to wait
   * @return whether it was subscribed in time (false once closed)
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (readiness) {
      while (!subscribed) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(readiness, left);
      }
      return true;
    }
  }

  /**
   * Waits until subscribed or, unless {@code keepWaitingAfterLoss}, until the connection is lost once
   * more than {@code lossesBefore}; whether subscribed.
   */
  private boolean awaitSubscribedOrLost(Duration timeout, int lossesBefore, boolean keepWaitingAfterLoss)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (readiness) {
      while (!subscribed) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed || (!keepWaitingAfterLoss && losses != lossesBefore)) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(readiness, left);
      }
      return true;
    }
  }

  private int losses() {
    synchronized (readiness) {
      return losses;
    }
  }

  /**
   * Publishes without waiting for the broker (never retained).
   *
   * @param topic the topic
   * @param payload the bytes
   * @param qos 0, 1 or 2
   * @throws MqttException when Paho cannot queue it (e.g. not connected)
   */
  public void publish(String topic, byte[] payload, int qos) throws MqttException {
    client.publish(topic, payload, qos, false);
  }

  /**
   * The MQTT client id.
   *
   * @return the id given to {@link #open}
   */
  public String clientId() {
    return client.getClientId();
  }

  /**
   * The broker URI.
   *
   * @return the URI given to {@link #open}
   */
  public String uri() {
    return client.getServerURI();
  }

  /** Disconnects (stopping any reconnect cycle) and releases the client. Idempotent. */
  @Override
  public void close() {
    synchronized (readiness) {
      if (closed) {
        return;
      }
      closed = true;
      subscribed = false;
      readiness.notifyAll();
    }
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
    return "SubscribedConnection{" + clientId() + " on " + uri() + ", " + filter + "}";
  }

  private void setSubscribed(boolean value) {
    synchronized (readiness) {
      subscribed = value && !closed;
      readiness.notifyAll();
    }
  }

  private final class Callback implements MqttCallbackExtended {
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      try {
        client.subscribe(filter, qos, null, new IMqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            if (reconnect) {
              LOG.info(() -> clientId() + " reconnected to " + serverUri + " and subscribed again");
            }
            setSubscribed(true);
          }

          @Override
          public void onFailure(IMqttToken token, Throwable error) {
            // A connection lost while subscribing (the race) comes back through connectComplete.
            LOG.log(Level.INFO, clientId() + " could not subscribe to " + filter + "; waiting for the reconnect",
                error);
          }
        });
      } catch (MqttException e) {
        LOG.log(Level.WARNING, clientId() + " cannot subscribe to " + filter, e);
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      synchronized (readiness) {
        losses++;
      }
      setSubscribed(false);
      LOG.info(() -> clientId() + " lost its connection to " + uri() + " (" + cause + ")");
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        handler.onMessage(topic, message.getPayload());
      } catch (RuntimeException e) {
        // Never let an exception reach Paho: it would drop the connection.
        LOG.log(Level.WARNING, "cannot handle the message on " + topic, e);
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
