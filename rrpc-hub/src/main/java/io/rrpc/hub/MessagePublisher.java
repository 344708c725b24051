package io.rrpc.hub;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** The hub's own MQTT client for {@code PublishMessage}: publishes, never subscribes. Thread-safe. */
final class MessagePublisher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("io.rrpc.hub");

  private final MqttAsyncClient client;

  MessagePublisher(String uri, MqttConnectOptions options) {
    options.setCleanSession(true);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(1000);
    options.setMaxInflight(1000);
    try {
      client = new MqttAsyncClient(uri, "rrpc-hub-publisher-" + UUID.randomUUID().toString().substring(0, 8),
          new MemoryPersistence());
      client.connect(options).waitForCompletion(TimeUnit.SECONDS.toMillis(10));
    } catch (MqttException e) {
      throw new IllegalStateException("the hub's publisher cannot connect to " + uri + ": " + e, e);
    }
  }

  /** Completes once the broker has the message (QoS 1: its PUBACK; QoS 0: sent). */
  CompletableFuture<Void> publish(String topic, byte[] payload, int qos) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client.publish(topic, payload, qos, false, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          done.complete(null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          done.completeExceptionally(error);
        }
      });
    } catch (MqttException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  @Override
  public void close() {
    try {
      client.disconnect(0).waitForCompletion(1000);
    } catch (MqttException e) {
      LOG.log(Level.FINE, "publisher disconnect", e);
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.log(Level.FINE, "publisher close", e);
    }
  }
}
