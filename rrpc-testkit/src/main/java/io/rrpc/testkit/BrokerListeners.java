package io.rrpc.testkit;

import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@link BrokerListener}s of one broker; a failing listener is logged and the others still run. */
final class BrokerListeners {
  private static final Logger LOG = Logger.getLogger("io.rrpc.testkit.broker");

  private final CopyOnWriteArrayList<BrokerListener> listeners = new CopyOnWriteArrayList<>();

  void add(BrokerListener listener) {
    if (listener == null) {
      throw new NullPointerException("listener");
    }
    listeners.add(listener);
  }

  void remove(BrokerListener listener) {
    listeners.remove(listener);
  }

  void loggedIn(String clientId, Instant at) {
    fire(l -> l.loggedIn(clientId, at));
  }

  void loginRefused(String clientId, String reason, Instant at) {
    fire(l -> l.loginRefused(clientId, reason, at));
  }

  void subscribed(String clientId, String topicFilter) {
    fire(l -> l.subscribed(clientId, topicFilter));
  }

  void disconnected(String clientId) {
    fire(l -> l.disconnected(clientId));
  }

  private void fire(Consumer<BrokerListener> event) {
    for (BrokerListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "broker listener " + listener + " failed", e);
      }
    }
  }
}
