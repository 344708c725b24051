package io.rrpc.hub;

import io.rrpc.testkit.EmbeddedBroker;
import java.net.InetSocketAddress;

/** Starts the testkit's embedded broker on the hub's MQTT address. */
final class EmbeddedBrokers {
  private EmbeddedBrokers() {}

  static EmbeddedBroker start(InetSocketAddress address) {
    if (address.getPort() == 0 && address.getAddress() != null && address.getAddress().isLoopbackAddress()) {
      return EmbeddedBroker.start();
    }
    throw new IllegalStateException("the embedded broker cannot bind " + address + " yet");
  }
}
