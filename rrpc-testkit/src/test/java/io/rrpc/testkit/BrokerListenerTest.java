package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** What a local hub learns from its broker: who logged in when, who was refused and why, who listens. */
class BrokerListenerTest {
  private static final String PRODUCT = "ABCDEFGHIJ";

  /** Every event as one line, in arrival order. */
  private static final class Recorder implements BrokerListener {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final CompletableFuture<Instant> firstLogin = new CompletableFuture<>();

    @Override
    public void loggedIn(String clientId, Instant at) {
      firstLogin.complete(at);
      events.add("loggedIn " + clientId);
    }

    @Override
    public void loginRefused(String clientId, String reason, Instant at) {
      events.add("refused " + clientId + ": " + reason);
    }

    @Override
    public void subscribed(String clientId, String topicFilter) {
      events.add("subscribed " + clientId + " " + topicFilter);
    }

    @Override
    public void disconnected(String clientId) {
      events.add("disconnected " + clientId);
    }

    String next() throws InterruptedException {
      String event = events.poll(5, TimeUnit.SECONDS);
      return event == null ? "(no event within 5 s)" : event;
    }
  }

  @Test
  void tellsWhenADeviceLogsInSubscribesToItsRrpcTopicAndLeaves() throws Exception {
    Recorder recorder = new Recorder();
    try (EmbeddedBroker broker = EmbeddedBroker.builder().listener(recorder).start()) {
      String secret = broker.registerDevice(PRODUCT, "presence1");
      Instant before = Instant.now();
      MqttAsyncClient device = connect(broker, "presence1", secret);
      assertEquals("loggedIn " + PRODUCT + "presence1", recorder.next());
      device.subscribe("$rrpc/rxd/" + PRODUCT + "/presence1/+", 0).waitForCompletion(5000);
      assertEquals("subscribed " + PRODUCT + "presence1 $rrpc/rxd/" + PRODUCT + "/presence1/+", recorder.next());

      ConnectedDevice now = broker.connectedDevice(PRODUCT, "presence1").orElseThrow(AssertionError::new);
      assertEquals(recorder.firstLogin.get(), now.loggedInAt());
      assertFalse(now.loggedInAt().isBefore(before.minusSeconds(1)));
      assertTrue(now.isSubscribedTo("$rrpc/rxd/" + PRODUCT + "/presence1/123"));
      assertFalse(now.isSubscribedTo("$rrpc/rxd/" + PRODUCT + "/presence2/123"));
      assertTrue(broker.connectedDevices().stream().anyMatch(d -> d.clientId().equals(PRODUCT + "presence1")));

      device.disconnect().waitForCompletion(5000);
      device.close(true);
      assertEquals("disconnected " + PRODUCT + "presence1", recorder.next());
      awaitOnPresence(broker, () -> !broker.connectedDevice(PRODUCT, "presence1").isPresent());
    }
  }

  @Test
  void eachLoginsEndIsToldOnceWhetherTheClientSaidGoodbyeOrVanished() throws Exception {
    Recorder recorder = new Recorder();
    try (EmbeddedBroker broker = EmbeddedBroker.builder().listener(recorder).start()) {
      String secret = broker.registerDevice(PRODUCT, "once1");
      MqttAsyncClient polite = connect(broker, "once1", secret);
      assertEquals("loggedIn " + PRODUCT + "once1", recorder.next());
      polite.disconnect().waitForCompletion(5000); // a DISCONNECT packet
      polite.close(true);
      assertEquals("disconnected " + PRODUCT + "once1", recorder.next());

      MqttAsyncClient vanishing = connect(broker, "once1", secret);
      assertEquals("loggedIn " + PRODUCT + "once1", recorder.next());
      vanishing.disconnectForcibly(0, 0, false); // the socket closes with no DISCONNECT
      vanishing.close(true);
      assertEquals("disconnected " + PRODUCT + "once1", recorder.next());

      // Moquette tells its interceptors in order, on one thread: once this last connection's end is heard,
      // a second report of an earlier end would have been heard before it.
      MqttAsyncClient last = connect(broker, "once1", secret);
      assertEquals("loggedIn " + PRODUCT + "once1", recorder.next());
      last.disconnect().waitForCompletion(5000);
      last.close(true);
      assertEquals("disconnected " + PRODUCT + "once1", recorder.next());
      assertTrue(recorder.events.isEmpty(), () -> "told more than once: " + recorder.events);
    }
  }

  @Test
  void aConnectedDeviceThatHasNotSubscribedIsOnlineButNotListening() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      String secret = broker.registerDevice(PRODUCT, "quiet1");
      MqttAsyncClient device = connect(broker, "quiet1", secret);
      ConnectedDevice now = broker.connectedDevice(PRODUCT, "quiet1").orElseThrow(AssertionError::new);
      assertTrue(now.subscriptions().isEmpty());
      assertFalse(now.isSubscribedTo("$rrpc/rxd/" + PRODUCT + "/quiet1/1"));
      device.disconnect().waitForCompletion(5000);
      device.close(true);
    }
  }

  @Test
  void tellsWhyALoginWasRefusedWithTheSameTextAsLoginRefusals() throws Exception {
    Recorder recorder = new Recorder();
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      broker.addListener(recorder);
      broker.registerDevice(PRODUCT, "refused1");
      MqttException e = org.junit.jupiter.api.Assertions.assertThrows(MqttException.class,
          () -> connect(broker, "refused1", "ZmVkY2JhOTg3NjU0MzIxMA=="));
      assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, e.getReasonCode());

      String event = recorder.next();
      assertEquals("refused " + broker.loginRefusals().get(0), event);
      assertTrue(event.startsWith("refused " + PRODUCT + "refused1: password signature does not match"), event);
      assertFalse(broker.connectedDevice(PRODUCT, "refused1").isPresent());
    }
  }

  @Test
  void aRemovedListenerHearsNothingMore() throws Exception {
    Recorder recorder = new Recorder();
    try (EmbeddedBroker broker = EmbeddedBroker.start(false)) {
      broker.addListener(recorder);
      broker.removeListener(recorder);
      Recorder still = new Recorder();
      broker.addListener(still);
      MqttAsyncClient device = connect(broker, "removed1", "MDEyMzQ1Njc4OWFiY2RlZg==");
      assertEquals("loggedIn " + PRODUCT + "removed1", still.next());
      assertTrue(recorder.events.isEmpty(), recorder.events::toString);
      device.disconnect().waitForCompletion(5000);
      device.close(true);
    }
  }

  @Test
  void aFailingListenerDoesNotStopTheOthersOrTheLogin() throws Exception {
    Recorder recorder = new Recorder();
    BrokerListener failing = new BrokerListener() {
      @Override
      public void loggedIn(String clientId, Instant at) {
        throw new IllegalStateException("listener bug");
      }
    };
    try (EmbeddedBroker broker = EmbeddedBroker.builder().listener(failing).listener(recorder).start()) {
      String secret = broker.registerDevice(PRODUCT, "robust1");
      MqttAsyncClient device = connect(broker, "robust1", secret);
      assertTrue(device.isConnected());
      assertEquals("loggedIn " + PRODUCT + "robust1", recorder.next());
      device.disconnect().waitForCompletion(5000);
      device.close(true);
    }
  }

  private static MqttAsyncClient connect(EmbeddedBroker broker, String name, String secret) throws Exception {
    MqttAsyncClient c = new MqttAsyncClient(broker.uri(), PRODUCT + name, new MemoryPersistence());
    try {
      c.connect(KeyLogin.options(PRODUCT, name, secret)).waitForCompletion(5000);
    } catch (MqttException e) {
      c.close(true);
      throw e;
    }
    return c;
  }

  /** Waits, re-checking on each presence change, until the condition holds. */
  private static void awaitOnPresence(EmbeddedBroker broker, BooleanSupplier condition) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Runnable check = () -> {
      if (condition.getAsBoolean()) {
        done.complete(null);
      }
    };
    broker.presence().addListener(check);
    try {
      check.run();
      done.get(5, TimeUnit.SECONDS);
    } finally {
      broker.presence().removeListener(check);
    }
  }
}
