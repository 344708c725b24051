package io.rrpc.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Plays the hub in tests: publishes RRPC requests to a device's request topic and collects every reply
 * on its reply topics, in arrival order, per processId.
 */
final class HubClient implements AutoCloseable, MqttCallback {
  private static final AtomicLong NEXT_ID = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  private final MqttClient client;
  private final RrpcTopics topics;
  private final String replyPrefix;
  private final Map<String, CompletableFuture<byte[]>> firstReply = new ConcurrentHashMap<>();
  private final Map<String, List<byte[]>> allReplies = new ConcurrentHashMap<>();
  private final List<String> replyTopics = new CopyOnWriteArrayList<>();

  HubClient(String brokerUri, String productId, String deviceName) throws MqttException {
    this.topics = new RrpcTopics(productId, deviceName);
    this.replyPrefix = "$rrpc/txd/" + productId + "/" + deviceName + "/";
    client = new MqttClient(brokerUri, "hub-" + NEXT_ID.incrementAndGet(), new MemoryPersistence());
    client.setCallback(this);
    connect();
  }

  void connect() throws MqttException {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    o.setSocketFactory(new NoDelaySocketFactory(javax.net.SocketFactory.getDefault()));
    o.setMaxInflight(1000);
    // Moquette 0.17 sometimes drops a SUBSCRIBE sent right after its CONNACK (a race in the broker,
    // about once in 300 connections); the device's start() retries that, and so does the test hub.
    for (int attempt = 1; ; attempt++) {
      client.connect(o);
      try {
        client.subscribe(replyPrefix + "+", 0);
        return;
      } catch (MqttException e) {
        if (attempt == 3 || client.isConnected()) {
          throw e;
        }
      }
    }
  }

  /** A processId no other request in this JVM has used, numeric like the hub's. */
  static String newProcessId() {
    return Long.toString(NEXT_ID.incrementAndGet());
  }

  /** Publishes a request and returns the future of its first reply. */
  CompletableFuture<byte[]> send(String processId, byte[] payload) throws MqttException {
    CompletableFuture<byte[]> reply = firstReply.computeIfAbsent(processId, k -> new CompletableFuture<>());
    client.publish(topics.requestTopic(processId), payload, 0, false);
    return reply;
  }

  CompletableFuture<byte[]> send(String processId, String payload) throws MqttException {
    return send(processId, payload.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a request on a raw topic, for topics the device must refuse. */
  void publishRaw(String topic, String payload) throws MqttException {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false);
  }

  /** Sends a request with a fresh processId and waits for its reply text. */
  String call(String payload) throws Exception {
    return text(send(newProcessId(), payload).get(10, TimeUnit.SECONDS));
  }

  /** The future of the first reply to {@code processId}, whether or not it was sent through {@link #send}. */
  CompletableFuture<byte[]> reply(String processId) {
    return firstReply.computeIfAbsent(processId, k -> new CompletableFuture<>());
  }

  /** Every reply seen so far for {@code processId}. */
  List<String> replies(String processId) {
    List<String> out = new ArrayList<>();
    for (byte[] b : allReplies.getOrDefault(processId, new ArrayList<>())) {
      out.add(text(b));
    }
    return out;
  }

  /** Waits until {@code count} replies to {@code processId} have arrived; fails on timeout. */
  synchronized List<String> awaitReplies(String processId, int count, long timeoutMillis) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (replies(processId).size() < count) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + count + " replies to " + processId + ", got " + replies(processId));
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return replies(processId);
  }

  /** Every reply topic seen so far, in arrival order. */
  List<String> replyTopics() {
    return new ArrayList<>(replyTopics);
  }

  void disconnect() throws MqttException {
    if (client.isConnected()) {
      client.disconnect(0);
    }
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    replyTopics.add(topic);
    if (!topic.startsWith(replyPrefix)) {
      return;
    }
    String processId = topic.substring(replyPrefix.length());
    allReplies.computeIfAbsent(processId, k -> new CopyOnWriteArrayList<>()).add(message.getPayload());
    reply(processId).complete(message.getPayload());
    synchronized (this) {
      notifyAll();
    }
  }

  @Override
  public void connectionLost(Throwable cause) {}

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {}

  @Override
  public void close() throws MqttException {
    try {
      disconnect();
    } finally {
      client.close(true);
    }
  }
}
