package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator's own edges: a plain broker URI, closing, bad arguments. */
class HubSimulatorTest {
  private static EmbeddedBroker openBroker;

  @BeforeAll
  static void start() {
    openBroker = EmbeddedBroker.start(false);
  }

  @AfterAll
  static void stop() {
    openBroker.close();
  }

  @Test
  void onAPlainUriAnAbsentDeviceTimesOutForWantOfPresence() {
    try (HubSimulator hub = HubSimulator.builder().uri(openBroker.uri()).rrpcTimeout(Duration.ofMillis(300)).connect()) {
      RrpcCallException e = assertThrows(RrpcCallException.class, () -> hub.publishRrpc("P", "nobody", "closed"));
      assertEquals(RrpcCallException.RRPC_TIMEOUT, e.code());
      assertThrows(IllegalStateException.class, () -> hub.awaitOffline("P", "nobody", Duration.ofMillis(10)));
    }
  }

  @Test
  void closingFailsWhatIsPendingAndEverythingAfter() throws Exception {
    HubSimulator hub = HubSimulator.builder().uri(openBroker.uri()).connect();
    CompletableFuture<RrpcResult> pending = hub.publishRrpcAsync("P", "silent", "closed");
    hub.close();

    ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
    assertEquals(RrpcCallException.INTERNAL_ERROR, ((RrpcCallException) e.getCause()).code());
    assertEquals(RrpcCallException.INTERNAL_ERROR,
        assertThrows(RrpcCallException.class, () -> hub.publishRrpc("P", "silent", "closed")).code());
    assertEquals(0, hub.pendingCalls());
  }

  @Test
  void anUnreachableBrokerFailsAtConnect() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    String uri = "tcp://127.0.0.1:" + closedPort;
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> HubSimulator.builder().uri(uri).connect());
    assertTrue(e.getMessage().contains(uri), e.getMessage());
  }

  @Test
  void aConnectionDroppedAtTheFirstSubscribeIsRecoveredByReconnecting() throws Exception {
    try (DropFirstSubscribeBroker flaky = DropFirstSubscribeBroker.start();
        HubSimulator hub = HubSimulator.builder().uri(flaky.uri()).connect()) {
      assertTrue(hub.isConnected());
      assertEquals(2, flaky.connections());
    }
  }

  @Test
  void namesThatWouldBreakTheTopicSchemeAreRefused() {
    try (HubSimulator hub = HubSimulator.connect(openBroker)) {
      assertThrows(IllegalArgumentException.class, () -> hub.publishRrpcAsync("P", "a/b", "x"));
      assertThrows(IllegalArgumentException.class, () -> hub.publishRrpcAsync("P", "+", "x"));
      assertThrows(IllegalArgumentException.class, () -> hub.publishRrpcAsync("", "d", "x"));
    }
    assertThrows(IllegalArgumentException.class, () -> HubSimulator.builder().uri("ssl://127.0.0.1:8883"));
    assertThrows(IllegalArgumentException.class, () -> HubSimulator.builder().rrpcTimeout(Duration.ZERO));
  }
}
