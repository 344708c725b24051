package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** Where an embedded broker listens: a free loopback port, or the address and port it is given. */
class EmbeddedBrokerBindingTest {
  private static final String PRODUCT = "ABCDEFGHIJ";

  @Test
  void bindsTheChosenPortOnLoopbackOnly() throws Exception {
    int chosen = portFreeNow();
    try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", chosen)) {
      assertEquals(chosen, broker.port());
      assertEquals("tcp://127.0.0.1:" + chosen, broker.uri());
      assertDeviceLogsIn(broker);
      assertThrows(IOException.class, () -> {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.2", chosen), 2000);
        }
      });
    }
  }

  @Test
  void bindsEveryAddressAndIsReachedOnLoopback() throws Exception {
    int chosen = portFreeNow();
    try (EmbeddedBroker broker = EmbeddedBroker.builder().bind("0.0.0.0", chosen).start()) {
      assertEquals("0.0.0.0", broker.bindHost());
      assertEquals("tcp://127.0.0.1:" + chosen, broker.uri());
      assertDeviceLogsIn(broker);
      // 127.0.0.2 is this machine too, but only a broker bound to every address answers there.
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.2", chosen), 2000);
      }
    }
  }

  @Test
  void aChosenPortCanBeBoundAgainOnceTheBrokerIsClosed() throws Exception {
    int chosen = portFreeNow();
    EmbeddedBroker.start("127.0.0.1", chosen).close();
    try (EmbeddedBroker again = EmbeddedBroker.start("127.0.0.1", chosen)) {
      assertDeviceLogsIn(again);
    }
  }

  @Test
  void aPortInUseIsReportedWithTheAddress() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> EmbeddedBroker.start("127.0.0.1", taken.getLocalPort()));
      assertTrue(e.getMessage().startsWith("cannot start the embedded MQTT broker on 127.0.0.1:" + taken.getLocalPort()),
          e.getMessage());
    }
  }

  @Test
  void refusesAPortOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> EmbeddedBroker.builder().bind("127.0.0.1", 65_536));
    assertThrows(IllegalArgumentException.class, () -> EmbeddedBroker.builder().bind("", 1883));
  }

  @Test
  void theFreePortFactoryStillPicksALoopbackPort() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      assertEquals("127.0.0.1", broker.bindHost());
      assertTrue(broker.port() > 0);
      assertDeviceLogsIn(broker);
    }
  }

  private static void assertDeviceLogsIn(EmbeddedBroker broker) throws Exception {
    String secret = broker.registerDevice(PRODUCT, "bound1");
    MqttAsyncClient c = new MqttAsyncClient(broker.uri(), PRODUCT + "bound1", new MemoryPersistence());
    c.connect(KeyLogin.options(PRODUCT, "bound1", secret)).waitForCompletion(5000);
    assertTrue(c.isConnected());
    c.disconnect().waitForCompletion(5000);
    c.close(true);
  }

  private static int portFreeNow() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
