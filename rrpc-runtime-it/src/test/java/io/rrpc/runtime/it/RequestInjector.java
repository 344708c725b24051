package io.rrpc.runtime.it;

import io.rrpc.testkit.EmbeddedBroker;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes requests that {@link io.rrpc.testkit.HubSimulator} never sends, as a hub that redelivers or
 * misbehaves would: with a processId the test chooses (a copy of one the hub already used), on a topic
 * no hub would use, or at QoS 1. It only publishes: replies reach the test through the hub simulator
 * (the first reply to each of its calls, and {@code strayReplies()} for the rest) or through the handlers.
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
