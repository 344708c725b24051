package io.rrpc.testkit;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The listeners of a {@link DevicePresence}; a failing listener is logged and the others still run. */
final class PresenceListeners {
  private static final Logger LOG = Logger.getLogger("io.rrpc.testkit.presence");

  private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

  void add(Runnable listener) {
    listeners.add(listener);
  }

  void remove(Runnable listener) {
    listeners.remove(listener);
  }

  void fire() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "presence listener failed", e);
      }
    }
  }
}
