package io.rrpc.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A hub-side MQTT client that publishes whatever a test asks, on any topic, with no payload limit
 * (unlike the hub simulator), and sees every reply any device sends on {@code $rrpc/txd/#}.
 */
final class ReplyWatcher implements AutoCloseable {
  private final MqttAsyncClient client;
  private final Map<String, CompletableFuture<byte[]>> expected = new ConcurrentHashMap<>();
  /** Reply topics of calls that gave up waiting: their late reply is not unexpected. */
  private final java.util.Set<String> abandoned = ConcurrentHashMap.newKeySet();
  /** Reply topics that nobody expected, in arrival order. */
  final List<String> unexpectedReplies = new CopyOnWriteArrayList<>();

  ReplyWatcher(String uri, MqttConnectOptions options) throws MqttException {
    client = new MqttAsyncClient(uri, "rrpc-hostile-" + System.nanoTime(), new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        CompletableFuture<byte[]> f = expected.remove(topic);
        if (f != null) {
          f.complete(message.getPayload());
        } else if (!abandoned.remove(topic)) {
          unexpectedReplies.add(topic);
        }
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    client.connect(options).waitForCompletion(10_000);
    client.subscribe("$rrpc/txd/#", 0).waitForCompletion(10_000);
  }

  /** Publishes a request for {@code processId} of the device and waits for the reply on the matching reply topic. */
  byte[] call(String product, String device, String processId, byte[] payload) throws Exception {
    return call(product, device, processId, payload, 15);
  }

  /** The same, waiting at most {@code seconds} for the reply. */
  byte[] call(String product, String device, String processId, byte[] payload, long seconds) throws Exception {
    CompletableFuture<byte[]> reply = new CompletableFuture<>();
    String replyTopic = "$rrpc/txd/" + product + "/" + device + "/" + processId;
    expected.put(replyTopic, reply);
    publish("$rrpc/rxd/" + product + "/" + device + "/" + processId, payload);
    try {
      return reply.get(seconds, TimeUnit.SECONDS);
    } finally {
      if (expected.remove(replyTopic) != null) {
        abandoned.add(replyTopic);
      }
    }
  }

  void publish(String topic, byte[] payload) throws MqttException {
    client.publish(topic, payload, 0, false).waitForCompletion(10_000);
  }

  @Override
  public void close() throws MqttException {
    client.disconnect().waitForCompletion(5_000);
    client.close();
  }
}
