package io.rrpc.testkit;

import io.rrpc.testkit.DevicePresence.Status;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Waits, woken by a broker's {@link DevicePresence}, until a device is online or offline. */
final class PresenceWaits {
  private final DevicePresence presence;
  private final String uri;

  PresenceWaits(DevicePresence presence, String uri) {
    this.presence = presence;
    this.uri = uri;
  }

  /** See {@link HubSimulator#awaitOnline}. */
  boolean online(String productId, String deviceName, Duration timeout) throws InterruptedException {
    return await(productId, deviceName, timeout, s -> s == Status.ONLINE);
  }

  /** See {@link HubSimulator#awaitOffline}. */
  boolean offline(String productId, String deviceName, Duration timeout) throws InterruptedException {
    return await(productId, deviceName, timeout, s -> s == Status.OFFLINE);
  }

  private boolean await(String productId, String deviceName, Duration timeout, Predicate<Status> wanted)
      throws InterruptedException {
    if (presence == DevicePresence.UNKNOWN) {
      throw new IllegalStateException("the broker at " + uri + " tells nothing about devices");
    }
    String clientId = productId + deviceName;
    String topic = "$rrpc/rxd/" + productId + "/" + deviceName + "/1";
    Object signal = new Object();
    Runnable wake = () -> {
      synchronized (signal) {
        signal.notifyAll();
      }
    };
    presence.addListener(wake);
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      synchronized (signal) {
        while (!wanted.test(presence.status(clientId, topic))) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          // Woken by the presence source; the short slice re-checks in case a change came without an event.
          TimeUnit.NANOSECONDS.timedWait(signal, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
        return true;
      }
    } finally {
      presence.removeListener(wake);
    }
  }
}
