package io.rrpc.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** A KEY-mode login signed by hand, for the test devices of this module. */
final class KeyLogin {
  private KeyLogin() {}

  static String username(String productId, String deviceName, long expiryEpochSeconds) {
    return productId + deviceName + ";12010126;kvoqn;" + expiryEpochSeconds;
  }

  static String password(String username, String secretBase64, String algorithm) throws Exception {
    String macName = algorithm.equals("hmacsha1") ? "HmacSHA1" : "HmacSHA256";
    Mac mac = Mac.getInstance(macName);
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secretBase64), macName));
    StringBuilder hex = new StringBuilder();
    for (byte b : mac.doFinal(username.getBytes(StandardCharsets.UTF_8))) {
      hex.append(String.format("%02x", b));
    }
    return hex + ";" + algorithm;
  }

  /** Options with a login valid for an hour. */
  static MqttConnectOptions options(String productId, String deviceName, String secretBase64) throws Exception {
    long expiry = System.currentTimeMillis() / 1000 + 3600;
    String username = username(productId, deviceName, expiry);
    return options(username, password(username, secretBase64, "hmacsha256"));
  }

  static MqttConnectOptions options(String username, String password) {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setUserName(username);
    o.setPassword(password.toCharArray());
    o.setSocketFactory(new NoDelaySocketFactory());
    return o;
  }
}
