package io.rrpc.testkit;

import java.time.Duration;

/**
 * A broker and a hub simulator for one test class of this module, which cannot use rrpc-testkit-junit5's
 * extension (that module depends on this one).
 */
final class TestHub implements AutoCloseable {
  final LocalBroker broker;
  final HubSimulator hub;

  private TestHub(LocalBroker broker, Duration rrpcTimeout) {
    this.broker = broker;
    try {
      this.hub = HubSimulator.builder().broker(broker).rrpcTimeout(rrpcTimeout).connect();
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  /** On an embedded broker that checks credentials. */
  static TestHub embedded(Duration rrpcTimeout) {
    return new TestHub(EmbeddedBroker.start(), rrpcTimeout);
  }

  /** On Mosquitto; skips the class when it is not installed. */
  static TestHub mosquitto(Duration rrpcTimeout) {
    return new TestHub(MosquittoBroker.startOrSkip(), rrpcTimeout);
  }

  EmbeddedBroker embeddedBroker() {
    return (EmbeddedBroker) broker;
  }

  MosquittoBroker mosquittoBroker() {
    return (MosquittoBroker) broker;
  }

  @Override
  public void close() {
    try {
      hub.close();
    } finally {
      broker.close();
    }
  }
}
