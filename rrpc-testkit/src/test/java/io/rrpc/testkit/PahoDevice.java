package io.rrpc.testkit;

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
 * {@code $rrpc/txd/{p}/{d}/{processId}}, never blocking Paho's callback thread.
 */
final class PahoDevice implements AutoCloseable {
  /** (processId, payload) → the reply, completed whenever the device is ready to answer. */
  interface Handler extends BiFunction<String, byte[], CompletableFuture<byte[]>> {}

  static final Handler ECHO = (id, payload) -> CompletableFuture.completedFuture(payload);

  final String productId;
  final String deviceName;
  final MqttAsyncClient client;
  final List<String> requestTopics = new CopyOnWriteArrayList<>();
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final Handler handler;

  private PahoDevice(String uri, String productId, String deviceName, Handler handler) throws MqttException {
    this.productId = productId;
    this.deviceName = deviceName;
    this.handler = handler;
    this.client = new MqttAsyncClient(uri, productId + deviceName, new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        requestTopics.add(topic);
        String processId = topic.substring(topic.lastIndexOf('/') + 1);
        byte[] payload = message.getPayload();
        workers.execute(() -> handler.apply(processId, payload).thenAccept(reply -> reply(processId, reply)));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
  }

  /** Connects with a valid login for {@code secret} and subscribes to its request topic. */
  static PahoDevice start(LocalBroker broker, String productId, String deviceName, String secret, Handler handler)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      PahoDevice device =
          connect(broker, productId, deviceName, KeyLogin.options(productId, deviceName, secret), handler);
      try {
        device.subscribe();
        return device;
      } catch (MqttException e) {
        device.close();
        // Moquette's known race (see EmbeddedBroker): a SUBSCRIBE right after the CONNACK can get the
        // connection dropped. One more try, for that cause only.
        if (attempt == 2 || e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST) {
          throw e;
        }
      }
    }
  }

  /** Connects without subscribing. */
  static PahoDevice connect(
      LocalBroker broker, String productId, String deviceName, MqttConnectOptions options, Handler handler)
      throws MqttException {
    PahoDevice device = new PahoDevice(broker.uri(), productId, deviceName, handler);
    try {
      device.client.connect(options).waitForCompletion(10_000);
    } catch (MqttException e) {
      device.close();
      throw e;
    }
    return device;
  }

  void subscribe() throws MqttException {
    client.subscribe("$rrpc/rxd/" + productId + "/" + deviceName + "/+", 0).waitForCompletion(10_000);
  }

  /** Publishes a reply, asynchronously. */
  void reply(String processId, byte[] payload) {
    try {
      client.publish("$rrpc/txd/" + productId + "/" + deviceName + "/" + processId, payload, 0, false);
    } catch (MqttException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(5_000);
      }
      client.close(true);
    } catch (MqttException e) {
      // the broker may be gone already
    }
  }
}
