package io.rrpc.reliability;

import io.rrpc.runtime.RrpcConnectionListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A device's own connection events (rrpc-runtime's {@link RrpcConnectionListener}), so that a test waits
 * for the device to be subscribed again instead of guessing from the broker's side.
 */
final class DeviceEvents implements RrpcConnectionListener {
  private int subscriptions; // guarded by this

  @Override
  public synchronized void subscribed(String topicFilter) {
    subscriptions++;
    notifyAll();
  }

  /** How many times the device has subscribed to its request topic: once per connection that served. */
  synchronized int subscriptions() {
    return subscriptions;
  }

  /** Waits until the device has subscribed more than {@code count} times; whether it did in time. */
  synchronized boolean awaitSubscriptionsAbove(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (subscriptions <= count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
