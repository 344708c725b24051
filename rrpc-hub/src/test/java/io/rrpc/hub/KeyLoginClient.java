package io.rrpc.hub;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A plain Paho client logged in as a device with Tencent's KEY signature, subscribing only where told. */
final class KeyLoginClient implements AutoCloseable {
  final MqttClient client;

  KeyLoginClient(String uri, String productId, String deviceName, String secretBase64) throws Exception {
    String username = productId + deviceName + ";12010126;abcde;" + (System.currentTimeMillis() / 1000 + 600);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secretBase64), "HmacSHA256"));
    StringBuilder hex = new StringBuilder();
    for (byte b : mac.doFinal(username.getBytes(StandardCharsets.UTF_8))) {
      hex.append(String.format("%02x", b));
    }
    MqttConnectOptions options = new MqttConnectOptions();
    options.setUserName(username);
    options.setPassword((hex + ";hmacsha256").toCharArray());
    options.setCleanSession(true);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    client = new MqttClient(uri, productId + deviceName, new MemoryPersistence());
    client.connect(options);
  }

  /** Subscribes and returns the first message's payload. */
  CompletableFuture<byte[]> firstMessage(String topic, int qos) throws MqttException {
    CompletableFuture<byte[]> first = new CompletableFuture<>();
    client.subscribe(topic, qos, (t, message) -> first.complete(message.getPayload()));
    return first;
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect(TimeUnit.SECONDS.toMillis(1));
    }
    client.close(true);
  }
}
