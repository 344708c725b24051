package io.rrpc.bench.device;

import io.rrpc.testkit.NoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The physical floor for a Paho-based RRPC device: subscribe to the request topic, take the processId
 * from the topic, publish {@code ok} on the reply topic with {@link MqttAsyncClient} straight from the
 * callback (never waiting on it). No parsing, no worker thread, no deadline, no error replies.
 *
 * <p>By default Paho starts its own threads for the client (receiver, sender, callback, a
 * {@code TimerPingSender} timer, and one per connect); given a {@link ScheduledExecutorService}, Paho
 * runs all of them, keep-alive pings included ({@link ScheduledExecutorPingSender}), on it instead.
 */
final class RawPahoDevice implements ServedDevice, MqttCallback {
  private static final byte[] OK = "ok".getBytes(StandardCharsets.UTF_8);

  private final MqttAsyncClient client;
  private final String requestFilter;
  private final String replyPrefix;
  private final AtomicLong publishFailures = new AtomicLong();

  RawPahoDevice(String brokerUri, String productId, String deviceName) throws MqttException {
    this(brokerUri, productId, deviceName, null);
  }

  /** @param pahoThreads where Paho runs its threads, or {@code null} for threads of its own */
  RawPahoDevice(String brokerUri, String productId, String deviceName, ScheduledExecutorService pahoThreads)
      throws MqttException {
    this.client = pahoThreads == null
        ? new MqttAsyncClient(brokerUri, productId + deviceName, new MemoryPersistence())
        : new MqttAsyncClient(brokerUri, productId + deviceName, new MemoryPersistence(),
            new ScheduledExecutorPingSender(pahoThreads), pahoThreads);
    this.requestFilter = "$rrpc/rxd/" + productId + "/" + deviceName + "/+";
    this.replyPrefix = "$rrpc/txd/" + productId + "/" + deviceName + "/";
  }

  @Override
  public void start() throws MqttException {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setKeepAliveInterval(60);
    options.setMaxInflight(1000);
    options.setSocketFactory(new NoDelaySocketFactory());
    client.setCallback(this);
    client.connect(options).waitForCompletion(10_000);
    client.subscribe(requestFilter, 0).waitForCompletion(10_000);
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    String processId = topic.substring(topic.lastIndexOf('/') + 1);
    try {
      client.publish(replyPrefix + processId, OK, 0, false, null, null);
    } catch (MqttException e) {
      publishFailures.incrementAndGet();
    }
  }

  @Override
  public void connectionLost(Throwable cause) {
    System.err.println("raw device: connection lost: " + cause);
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {}

  @Override
  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public String describe() {
    return "publishFailures=" + publishFailures.get();
  }

  @Override
  public void close() throws MqttException {
    client.disconnect().waitForCompletion(5_000);
    client.close();
  }
}
