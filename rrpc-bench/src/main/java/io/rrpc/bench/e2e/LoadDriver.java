package io.rrpc.bench.e2e;

import io.rrpc.testkit.NoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A lean cloud-side load driver: one {@link MqttAsyncClient} with {@code TCP_NODELAY} that publishes
 * requests to {@code $rrpc/rxd/{productId}/{deviceName}/{processId}} at QoS 0, as the hub does, and
 * matches replies on {@code $rrpc/txd/...} to requests by processId. Unlike the testkit's
 * {@code HubSimulator} it keeps no per-call timer, future or presence check: the per-request cost is a
 * publish, an array slot and a semaphore, so it loads the device rather than itself.
 *
 * <p>A run keeps at most {@code inFlight} requests outstanding (1 gives sequential round trips).
 * Not thread-safe: one run at a time.
 */
public final class LoadDriver implements AutoCloseable, MqttCallback {
  /** How long a request may wait for its reply before the run counts it lost: the hub's 4 s. */
  private static final long REPLY_TIMEOUT_MILLIS = 4000;
  /** After this many replies went missing the run gives up on the device. */
  private static final int MAX_STALLS = 3;

  private final MqttAsyncClient client;
  private final String requestPrefix;
  private final AtomicInteger strays = new AtomicInteger();
  // Fresh 13-digit processIds, like the hub's MessageIds; never reused, so a late reply is a stray.
  private long nextId = 1_000_000_000_000L;
  private volatile Run current;

  private LoadDriver(MqttAsyncClient client, String productId, String deviceName) {
    this.client = client;
    this.requestPrefix = "$rrpc/rxd/" + productId + "/" + deviceName + "/";
  }

  /** Connects to the broker and subscribes to the device's reply topics. */
  public static LoadDriver connect(String brokerUri, String productId, String deviceName) throws MqttException {
    MqttAsyncClient client = new MqttAsyncClient(brokerUri, "rrpc-bench-hub-" + System.nanoTime(), new MemoryPersistence());
    LoadDriver driver = new LoadDriver(client, productId, deviceName);
    client.setCallback(driver);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setMaxInflight(1000);
    options.setSocketFactory(new NoDelaySocketFactory());
    client.connect(options).waitForCompletion(10_000);
    client.subscribe("$rrpc/txd/" + productId + "/" + deviceName + "/+", 0).waitForCompletion(10_000);
    return driver;
  }

  /**
   * Sends {@code total} requests, cycling through {@code payloads}, with at most {@code inFlight}
   * outstanding, and waits for the replies (each at most the hub's 4 s).
   */
  public RunResult run(int total, int inFlight, List<byte[]> payloads) throws MqttException, InterruptedException {
    Run run = new Run(nextId, total, inFlight, false);
    nextId += total;
    current = run;
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      if (!run.permits.tryAcquire(REPLY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
          && run.stalls.incrementAndGet() >= MAX_STALLS) {
        break; // the device stopped answering (e.g. its JVM died): the rest count as lost
      } // after a single stall a reply went missing: go on with one more in flight
      run.sentAt.set(i, System.nanoTime());
      client.publish(requestPrefix + (run.firstId + i), payloads.get(i % payloads.size()), 0, false);
    }
    run.done.await(REPLY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    long elapsed = run.lastReplyAt - start;
    current = null;
    return new RunResult(total, inFlight, run.answered.get(), run.errors.get(), run.rtt, elapsed);
  }

  /** One request; its reply, or {@code null} after the hub's 4 s. */
  public byte[] call(byte[] payload) throws MqttException, InterruptedException {
    Run run = new Run(nextId, 1, 1, true);
    nextId += 1;
    current = run;
    run.sentAt.set(0, System.nanoTime());
    client.publish(requestPrefix + run.firstId, payload, 0, false);
    run.done.await(REPLY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    current = null;
    return run.replies.get(0);
  }

  /** Replies that matched no outstanding request (late or duplicate). */
  public int strays() {
    return strays.get();
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    Run run = current;
    long now = System.nanoTime();
    int index;
    try {
      index = run == null ? -1 : (int) (Long.parseLong(topic.substring(topic.lastIndexOf('/') + 1)) - run.firstId);
    } catch (NumberFormatException e) {
      index = -1;
    }
    if (index < 0 || index >= run.total || run.rtt[index] != 0) {
      strays.incrementAndGet();
      return;
    }
    run.rtt[index] = Math.max(1, now - run.sentAt.get(index));
    byte[] payload = message.getPayload();
    if (run.keepReplies) {
      run.replies.set(index, payload);
    }
    if (isError(payload)) {
      run.errors.incrementAndGet();
    }
    run.lastReplyAt = now;
    run.answered.incrementAndGet();
    run.permits.release();
    run.done.countDown();
  }

  @Override
  public void connectionLost(Throwable cause) {
    System.err.println("load driver: connection lost: " + cause);
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {}

  @Override
  public void close() throws MqttException {
    client.disconnect().waitForCompletion(5_000);
    client.close();
  }

  /** The documented error replies: {@code error <code>: …} or {@code {"error":{…}}}. */
  static boolean isError(byte[] payload) {
    String head = new String(payload, 0, Math.min(payload.length, 9), StandardCharsets.UTF_8);
    return head.startsWith("error ") || head.startsWith("{\"error\":");
  }

  /** One run's bookkeeping; {@code rtt} is written only by Paho's callback thread. */
  private static final class Run {
    final long firstId;
    final int total;
    final boolean keepReplies;
    final AtomicLongArray sentAt;
    final long[] rtt;
    final AtomicReferenceArray<byte[]> replies;
    final Semaphore permits;
    final CountDownLatch done;
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger stalls = new AtomicInteger();
    volatile long lastReplyAt;

    Run(long firstId, int total, int inFlight, boolean keepReplies) {
      this.firstId = firstId;
      this.total = total;
      this.keepReplies = keepReplies;
      this.sentAt = new AtomicLongArray(total);
      this.rtt = new long[total];
      this.replies = new AtomicReferenceArray<>(keepReplies ? total : 0);
      this.permits = new Semaphore(inFlight);
      this.done = new CountDownLatch(total);
    }
  }
}
