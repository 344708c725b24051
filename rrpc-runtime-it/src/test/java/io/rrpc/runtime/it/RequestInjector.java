package io.rrpc.runtime.it;

import io.rrpc.testkit.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes requests that {@link io.rrpc.testkit.HubSimulator} never sends, as a hub that redelivers or
 * misbehaves would: a copy of a request the hub already made (same processId), a request on a topic no
 * hub would use, or one at QoS 1. Only a copy's reply comes back here; everything else reaches the test
 * through the hub simulator or the handlers.
 */
final class RequestInjector implements AutoCloseable {
  /** 14 digits: never one of the hub simulator's 13-digit MessageIds, within Tencent's 16 characters. */
  private static final AtomicLong NEXT_ID = new AtomicLong(90_000_000_000_000L);

  private final MqttClient client;

  /** Connects to the broker as a trusted service client, as the hub simulator does. */
  RequestInjector(EmbeddedBroker broker) throws MqttException {
    client = new MqttClient(broker.uri(), "rrpc-injector-" + NEXT_ID.incrementAndGet(), new MemoryPersistence());
    MqttConnectOptions options = broker.serviceConnectOptions();
    options.setCleanSession(true);
    client.connect(options);
  }

  /** A processId no hub simulator will issue. */
  static String newProcessId() {
    return Long.toString(NEXT_ID.incrementAndGet());
  }

  /** Publishes {@code payload} at QoS 0 as the request {@code processId} to the test device. */
  void request(String processId, String payload) throws MqttException {
    publish(requestTopic(processId), payload, 0);
  }

  /**
   * Publishes a copy of the request {@code processId}, as a hub redelivering it would, and returns the
   * next reply on that request's reply topic.
   */
  CompletableFuture<String> redeliver(String processId, String payload) throws MqttException {
    CompletableFuture<String> reply = new CompletableFuture<>();
    String replyTopic = "$rrpc/txd/" + TestDevices.PRODUCT_ID + "/" + TestDevices.DEVICE_NAME + "/" + processId;
    client.subscribe(replyTopic, 0,
        (topic, message) -> reply.complete(new String(message.getPayload(), StandardCharsets.UTF_8)));
    request(processId, payload);
    return reply;
  }

  /**
   * Publishes {@code payload} on {@code topic} at {@code qos}; at QoS 1 it returns once the broker has
   * acknowledged it.
   */
  void publish(String topic, String payload, int qos) throws MqttException {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
  }

  static String requestTopic(String processId) {
    return "$rrpc/rxd/" + TestDevices.PRODUCT_ID + "/" + TestDevices.DEVICE_NAME + "/" + processId;
  }

  @Override
  public void close() throws MqttException {
    try {
      client.disconnect(0);
    } finally {
      client.close(true);
    }
  }
}
