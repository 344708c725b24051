package io.rrpc.testkit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A minimal hand-written RRPC device on Paho, to test the testkit without the runtime: it answers each
 * request on {@code $rrpc/rxd/{p}/{d}/+} with what its handler completes with, on
 * {@code $rrpc/txd/{p}/{d}/{processId}}, never blocking Paho's callback thread. It never reconnects once
 * subscribed, so that a device whose session another takes over stays off.
 */
final class PahoDevice implements AutoCloseable {
  /** (processId, payload) → the reply, completed whenever the device is ready to answer. */
  interface Handler extends BiFunction<String, byte[], CompletableFuture<byte[]>> {}

  static final Handler ECHO = (id, payload) -> CompletableFuture.completedFuture(payload);

  final String productId;
  final String deviceName;
  final List<String> requestTopics = new CopyOnWriteArrayList<>();
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final Handler handler;
  /** Exactly one of the two: subscribed from the start, or connected bare. */
  private SubscribedConnection subscribed;
  private MqttAsyncClient bare;

  private PahoDevice(String productId, String deviceName, Handler handler) {
    this.productId = productId;
    this.deviceName = deviceName;
    this.handler = handler;
  }

  /** Connects with a valid login for {@code secret} and subscribes to its request topic. */
  static PahoDevice start(LocalBroker broker, String productId, String deviceName, String secret, Handler handler)
      throws Exception {
    PahoDevice device = new PahoDevice(productId, deviceName, handler);
    // SubscribedConnection connects again if the broker drops the connection before the SUBACK.
    device.subscribed = SubscribedConnection.open(broker.uri(), productId + deviceName,
        KeyLogin.options(productId, deviceName, secret), device.requestFilter(), 0, device::onRequest,
        Duration.ofSeconds(10));
    return device;
  }

  /** Connects without subscribing; {@link #subscribe()} subscribes later. */
  static PahoDevice connect(
      LocalBroker broker, String productId, String deviceName, MqttConnectOptions options, Handler handler)
      throws MqttException {
    PahoDevice device = new PahoDevice(productId, deviceName, handler);
    device.bare = new MqttAsyncClient(broker.uri(), productId + deviceName, new MemoryPersistence());
    device.bare.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        device.onRequest(topic, message.getPayload());
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    try {
      device.bare.connect(options).waitForCompletion(10_000);
    } catch (MqttException e) {
      device.close();
      throw e;
    }
    return device;
  }

  /** For a device made by {@link #connect}: subscribes to its request topic. */
  void subscribe() throws MqttException {
    bare.subscribe(requestFilter(), 0).waitForCompletion(10_000);
  }

  private String requestFilter() {
    return "$rrpc/rxd/" + productId + "/" + deviceName + "/+";
  }

  private void onRequest(String topic, byte[] payload) {
    requestTopics.add(topic);
    String processId = topic.substring(topic.lastIndexOf('/') + 1);
    workers.execute(() -> handler.apply(processId, payload).thenAccept(reply -> reply(processId, reply)));
  }

  /** Publishes a reply, asynchronously. */
  void reply(String processId, byte[] payload) {
    String topic = "$rrpc/txd/" + productId + "/" + deviceName + "/" + processId;
    try {
      if (subscribed != null) {
        subscribed.publish(topic, payload, 0);
      } else {
        bare.publish(topic, payload, 0, false);
      }
    } catch (MqttException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    if (subscribed != null) {
      subscribed.close();
    }
    if (bare != null) {
      try {
        if (bare.isConnected()) {
          bare.disconnect().waitForCompletion(5_000);
        }
        bare.close(true);
      } catch (MqttException e) {
        // the broker may be gone already
      }
    }
  }
}
