package io.rrpc.bench.fleet;

import io.rrpc.testkit.NoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The cloud side for a fleet: one Paho client subscribed to every device's reply topics
 * ({@code $rrpc/txd/{productId}/+/+}) sends {@code closed} to each device in turn, one request at a
 * time, and times each round trip. A reply must come from the device asked, on the request's processId,
 * within the hub's 4 s, and say {@code ok}.
 */
final class FleetDriver implements AutoCloseable, MqttCallback {
  private static final long REPLY_TIMEOUT_MILLIS = 4000;
  private static final byte[] REQUEST = "closed".getBytes(StandardCharsets.UTF_8);

  private final MqttAsyncClient client;
  private final String productId;
  private final SynchronousQueue<String> replies = new SynchronousQueue<>();
  private final AtomicInteger strays = new AtomicInteger();
  private volatile String expectedTopic;
  // Fresh 13-digit processIds across rounds, like the hub's MessageIds, so a late reply is a stray.
  private long processId = 1_000_000_000_000L;

  private FleetDriver(MqttAsyncClient client, String productId) {
    this.client = client;
    this.productId = productId;
  }

  static FleetDriver connect(String brokerUri, String productId) throws MqttException {
    MqttAsyncClient client = new MqttAsyncClient(brokerUri, "rrpc-bench-fleet-hub-" + System.nanoTime(),
        new MemoryPersistence());
    FleetDriver driver = new FleetDriver(client, productId);
    client.setCallback(driver);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setSocketFactory(new NoDelaySocketFactory());
    client.connect(options).waitForCompletion(10_000);
    client.subscribe("$rrpc/txd/" + productId + "/+/+", 0).waitForCompletion(10_000);
    return driver;
  }

  /** One request to each of {@code fleet<first>} … {@code fleet<last>}, in turn. */
  Result oneRequestEach(int first, int last) throws Exception {
    long[] micros = new long[last - first + 1];
    int answered = 0;
    int wrong = 0;
    for (int n = first; n <= last; n++) {
      String device = "fleet" + n;
      String id = Long.toString(processId++);
      expectedTopic = "$rrpc/txd/" + productId + "/" + device + "/" + id;
      long sent = System.nanoTime();
      client.publish("$rrpc/rxd/" + productId + "/" + device + "/" + id, REQUEST, 0, false);
      String reply = replies.poll(REPLY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      long rtt = System.nanoTime() - sent;
      if (reply == null) {
        micros[n - first] = Long.MAX_VALUE;
        continue;
      }
      micros[n - first] = TimeUnit.NANOSECONDS.toMicros(rtt);
      if ("ok".equals(reply)) {
        answered++;
      } else {
        wrong++;
      }
    }
    Arrays.sort(micros);
    return new Result(micros.length, answered, wrong, strays.get(), percentile(micros, 50), percentile(micros, 99),
        micros[micros.length - 1]);
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
    if (topic.equals(expectedTopic)) {
      expectedTopic = null;
      replies.offer(new String(message.getPayload(), StandardCharsets.UTF_8), REPLY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      strays.incrementAndGet();
    }
  }

  @Override
  public void connectionLost(Throwable cause) {
    System.err.println("fleet driver: connection lost: " + cause);
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {}

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(5_000);
    }
    client.close(true);
  }

  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** One request to each device: how many got the right reply, and the round trips' percentiles. */
  static final class Result {
    final int asked;
    final int answered;
    final int wrongReplies;
    final int strays;
    final long p50Micros;
    final long p99Micros;
    final long maxMicros;

    Result(int asked, int answered, int wrongReplies, int strays, long p50Micros, long p99Micros, long maxMicros) {
      this.asked = asked;
      this.answered = answered;
      this.wrongReplies = wrongReplies;
      this.strays = strays;
      this.p50Micros = p50Micros;
      this.p99Micros = p99Micros;
      this.maxMicros = maxMicros;
    }
  }
}
