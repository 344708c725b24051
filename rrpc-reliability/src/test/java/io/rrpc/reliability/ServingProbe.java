package io.rrpc.reliability;

import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.LocalBroker;
import io.rrpc.testkit.RrpcCallException;
import java.time.Duration;

/**
 * Finds the moment a device serves again after a fault: first the device's own event that it has
 * subscribed again, then calls, since a broker's presence view can still show the old connection's
 * subscription for an instant after the device reconnects, and only an answered request proves the
 * device is back end to end. Probes use a hub of their own with a short deadline
 * (a probe lost in the reconnect costs a quarter of a second, not four) and are not counted in any ledger.
 */
final class ServingProbe implements AutoCloseable {
  private static final Duration PROBE_TIMEOUT = Duration.ofMillis(250);

  private final HubSimulator probes;
  private int sequence;

  ServingProbe(LocalBroker broker) {
    this.probes = HubSimulator.builder().broker(broker).rrpcTimeout(PROBE_TIMEOUT).connect();
  }

  /**
   * Waits for the device to subscribe again (more than {@code subscriptionsBefore} times, counted before
   * the fault), then calls it until it answers; all within {@code limit}.
   *
   * @throws AssertionError when it does not serve within the limit
   */
  void awaitServing(DeviceUnderTest dut, int subscriptionsBefore, Duration limit) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    String deviceName = dut.name;
    if (!dut.events.awaitSubscriptionsAbove(subscriptionsBefore, limit)) {
      throw new AssertionError(deviceName + " did not subscribe again within " + limit);
    }
    while (System.nanoTime() - end < 0) {
      if (!probes.awaitConnected(Duration.ofNanos(Math.max(1, end - System.nanoTime())))) {
        break;
      }
      String text = "probe-" + sequence++;
      try {
        if (text.equals(probes.publishRrpc(DeviceUnderTest.PRODUCT, deviceName, "echo " + text).payloadText())) {
          return;
        }
      } catch (RrpcCallException e) {
        if (!RrpcCallException.RRPC_TIMEOUT.equals(e.code())) {
          // Offline or not subscribed yet: wait for the broker to tell of a change before probing again.
          probes.awaitOnline(DeviceUnderTest.PRODUCT, deviceName,
              Duration.ofNanos(Math.max(1, end - System.nanoTime())));
        }
      }
    }
    throw new AssertionError(deviceName + " did not serve again within " + limit);
  }

  @Override
  public void close() {
    probes.close();
  }
}
