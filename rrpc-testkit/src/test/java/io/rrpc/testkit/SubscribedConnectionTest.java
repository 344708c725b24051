package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/** A connection that ends up subscribed although the broker drops it right after the CONNACK. */
class SubscribedConnectionTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final SubscribedConnection.MessageHandler IGNORE = (topic, payload) -> {};

  @Test
  void withAutomaticReconnectPahosReconnectSubscribesAgain() throws Exception {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setAutomaticReconnect(true);
    try (DropFirstSubscribeBroker broker = DropFirstSubscribeBroker.start(1);
        SubscribedConnection c = SubscribedConnection.open(broker.uri(), "auto1", options, "a/+", 0, IGNORE, TIMEOUT)) {
      assertTrue(c.isSubscribed());
      assertEquals(2, broker.connections());
      assertEquals(2, broker.subscribes());
    }
  }

  @Test
  void withoutAutomaticReconnectItConnectsAgainItself() throws Exception {
    try (DropFirstSubscribeBroker broker = DropFirstSubscribeBroker.start(2);
        SubscribedConnection c =
            SubscribedConnection.open(broker.uri(), "manual1", new MqttConnectOptions(), "a/+", 0, IGNORE, TIMEOUT)) {
      assertTrue(c.isSubscribed());
      assertEquals(3, broker.connections());
    }
  }

  @Test
  void aBrokerThatDropsEveryAttemptFailsWithConnectionLostAfterTheLastOne() throws Exception {
    try (DropFirstSubscribeBroker broker = DropFirstSubscribeBroker.start(Integer.MAX_VALUE)) {
      MqttException e = assertThrows(MqttException.class, () -> SubscribedConnection.open(broker.uri(), "manual2",
          new MqttConnectOptions(), "a/+", 0, IGNORE, TIMEOUT));
      assertEquals(MqttException.REASON_CODE_CONNECTION_LOST, e.getReasonCode());
      assertTrue(e.getCause().getMessage().contains("dropped each of 3 connections"), e.getCause().getMessage());
      assertEquals(SubscribedConnection.CONNECT_ATTEMPTS, broker.connections());
    }
  }

  @Test
  void handsOverMessagesAndSurvivesAHandlerThatThrows() throws Exception {
    CompletableFuture<String> second = new CompletableFuture<>();
    SubscribedConnection.MessageHandler handler = (topic, payload) -> {
      String text = new String(payload, StandardCharsets.UTF_8);
      if (text.equals("first")) {
        throw new IllegalStateException("a handler bug");
      }
      second.complete(topic + " " + text);
    };
    try (EmbeddedBroker broker = EmbeddedBroker.start(false);
        SubscribedConnection c =
            SubscribedConnection.open(broker.uri(), "reader1", new MqttConnectOptions(), "a/+", 0, handler, TIMEOUT)) {
      c.publish("a/1", "first".getBytes(StandardCharsets.UTF_8), 0);
      c.publish("a/2", "second".getBytes(StandardCharsets.UTF_8), 0);
      assertEquals("a/2 second", second.get(5, TimeUnit.SECONDS));
      assertTrue(c.isSubscribed());
    }
  }

  @Test
  void closingEndsTheSubscription() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(false)) {
      SubscribedConnection c =
          SubscribedConnection.open(broker.uri(), "closer1", new MqttConnectOptions(), "a/+", 0, IGNORE, TIMEOUT);
      c.close();
      c.close();
      assertFalse(c.isSubscribed());
      assertFalse(c.awaitSubscribed(Duration.ofMillis(10)));
    }
  }
}
