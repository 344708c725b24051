package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.RrpcConnectionListener;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcExecutors;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * A connection listener that blocks (an application doing I/O in it) holds up only its own device's
 * later events: the shared timer still answers other devices' deadlines, and the blocked device still
 * serves and gets its events, in order, once the listener returns.
 */
class SlowListenerTest {
  private static final String PRODUCT = "SLOWLSTNR1";

  /** Blocks in {@code subscribed} until released; records every event in order. */
  private static final class BlockingListener implements RrpcConnectionListener {
    final CountDownLatch inSubscribed = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void connected(String brokerUri) {
      events.add("connected");
    }

    @Override
    public void subscribed(String topicFilter) {
      events.add("subscribed");
      inSubscribed.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void disconnected(Throwable cause) {
      events.add("disconnected");
    }

    @Override
    public void reconnecting(int attempt, long delayMillis) {
      events.add("reconnecting");
    }
  }

  @Test
  void aBlockedListenerDelaysNeitherAnotherDevicesDeadlineNorItsOwnDeviceServing() throws Exception {
    BlockingListener slow = new BlockingListener();
    AirconCommands slowCommands = new AirconCommands();
    AirconCommands otherCommands = new AirconCommands();
    // No login check: the test itself takes the blocked device's client id over, to cut its connection.
    try (EmbeddedBroker broker = EmbeddedBroker.builder().checkCredentials(false).start();
        HubSimulator hub = HubSimulator.connect(broker);
        RrpcExecutors shared = RrpcExecutors.builder().build();
        RrpcDevice blocked = hub.deviceBuilder(PRODUCT, "blocked")
            .dispatcher(new AirconCommands_RrpcDispatcher(slowCommands))
            .executors(shared)
            .connectionListener(slow)
            .reconnectBackoff(50, 400, TimeUnit.MILLISECONDS)
            .build();
        RrpcDevice other = hub.deviceBuilder(PRODUCT, "other")
            .dispatcher(new AirconCommands_RrpcDispatcher(otherCommands))
            .executors(shared)
            .deadline(300, TimeUnit.MILLISECONDS)
            .build()) {
      blocked.start();
      assertTrue(slow.inSubscribed.await(10, TimeUnit.SECONDS), "the listener is blocked in subscribed");

      other.start();
      // The other device's deadline is kept by the shared timer: with the listener on the timer, the
      // deadline never came and the hub gave up instead.
      assertEquals("error timeout: no reply within 300 ms", hub.publishRrpc(PRODUCT, "other", "block").payloadText());
      otherCommands.release.countDown();
      // The blocked listener's own device serves meanwhile.
      assertEquals("ok", hub.publishRrpc(PRODUCT, "blocked", "closed").payloadText());

      // Its later events wait for it and then come in order: a client taking over its client id cuts it.
      MqttClient intruder = new MqttClient(broker.uri(), PRODUCT + "blocked", new MemoryPersistence());
      intruder.connect();
      intruder.disconnect();
      intruder.close();
      slow.release.countDown();
      assertEquals("connected", slow.events.poll(10, TimeUnit.SECONDS));
      assertEquals("subscribed", slow.events.poll(10, TimeUnit.SECONDS));
      assertEquals("disconnected", slow.events.poll(10, TimeUnit.SECONDS));
      assertEquals("reconnecting", slow.events.poll(10, TimeUnit.SECONDS));
    } finally {
      slow.release.countDown();
      slowCommands.release.countDown();
      otherCommands.release.countDown();
    }
  }
}
