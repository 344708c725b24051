package io.rrpc.runtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;

/**
 * Publishes replies at QoS 0 without ever waiting. A reply that cannot go out because the connection is
 * down is held until the subscription is back, then sent if the hub is still waiting for it, else
 * dropped and counted. The hub waits 4 s from publishing the request (or the device's deadline, if
 * that is longer); a {@code timeout} reply made at the device's deadline still has the margin.
 *
 * <p>One listener instance serves every publish; the exchange travels as Paho's user context, so a
 * reply costs no extra allocation here.
 */
final class ReplySender implements IMqttActionListener {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");

  /** Hands a QoS 0 publish to the MQTT client without waiting: the session. */
  interface Publisher {
    /**
     * @return {@code false} when the client refused it at once (not connected); {@code callback}
     *     then
     *     is not called
     */
    boolean publish(String topic, byte[] payload, Object context, IMqttActionListener callback);
  }

  private final Publisher publisher;
  private final MetricsRecorder metrics;
  private final long holdNanos;
  private final ConcurrentLinkedQueue<Exchange> held = new ConcurrentLinkedQueue<>();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final Object flushed = new Object();
  private volatile boolean flushing;

  /** @param holdMillis how long after a request's arrival its reply is still worth sending */
  ReplySender(Publisher publisher, MetricsRecorder metrics, long holdMillis) {
    this.publisher = publisher;
    this.metrics = metrics;
    this.holdNanos = TimeUnit.MILLISECONDS.toNanos(holdMillis);
  }

  /** Publishes the exchange's reply; from any thread, never blocking. */
  void send(Exchange exchange) {
    outstanding.incrementAndGet();
    if (!publisher.publish(exchange.replyTopic(), exchange.reply(), exchange, this)) {
      settled();
      hold(exchange);
    }
  }

  /** The subscription is back: send what was held, once each (a failure holds it again). */
  void sendHeld() {
    for (int n = held.size(); n > 0; n--) {
      Exchange e = held.poll();
      if (e == null) {
        break;
      }
      if (tooLate(e)) {
        expired(e);
      } else {
        send(e);
      }
    }
  }

  /** Replies handed to Paho and not yet written out, plus those held for a reconnect. */
  int pending() {
    return outstanding.get() + held.size();
  }

  /**
   * Waits until every reply handed to Paho has been written or failed, up to the timeout; replies still
   * held for a reconnect are then dropped and counted.
   */
  void flush(long timeoutMillis) throws InterruptedException {
    flushing = true;
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (flushed) {
      long left;
      while (outstanding.get() > 0 && (left = end - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(flushed, left);
      }
    }
    Exchange e;
    while ((e = held.poll()) != null) {
      metrics.expiredRepliesDropped.increment();
      LOG.warning("rrpc reply dropped, closing while disconnected, processId: " + e.request.processId());
    }
  }

  @Override
  public void onSuccess(IMqttToken token) {
    metrics.replied.increment();
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("rrpc reply published, processId: " + ((Exchange) token.getUserContext()).request.processId());
    }
    settled();
  }

  @Override
  public void onFailure(IMqttToken token, Throwable exception) {
    // Paho fails the publishes it still held when the connection dropped.
    hold((Exchange) token.getUserContext());
    settled();
  }

  private void hold(Exchange exchange) {
    if (tooLate(exchange)) {
      expired(exchange);
      return;
    }
    held.add(exchange);
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("rrpc reply held until reconnect, processId: " + exchange.request.processId());
    }
  }

  private boolean tooLate(Exchange exchange) {
    return System.nanoTime() - exchange.request.arrivalNanos() >= holdNanos;
  }

  private void expired(Exchange exchange) {
    metrics.expiredRepliesDropped.increment();
    LOG.warning("rrpc reply dropped, the hub stopped waiting while disconnected, processId: " + exchange.request.processId());
  }

  private void settled() {
    if (outstanding.decrementAndGet() == 0 && flushing) {
      synchronized (flushed) {
        flushed.notifyAll();
      }
    }
  }
}
