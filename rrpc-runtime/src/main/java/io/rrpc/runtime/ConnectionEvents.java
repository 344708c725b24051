package io.rrpc.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the session's connection events to the application's {@link RrpcConnectionListener} on the
 * device's scheduler thread (one thread, so in order), so that a listener never runs on Paho's thread.
 * A listener that throws is logged and ignored.
 */
final class ConnectionEvents {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");

  private final RrpcConnectionListener listener;
  private final Executor scheduler;

  ConnectionEvents(RrpcConnectionListener listener, Executor scheduler) {
    this.listener = listener;
    this.scheduler = scheduler;
  }

  void connected(String brokerUri) {
    deliver("connected", () -> listener.connected(brokerUri));
  }

  void subscribed(String topicFilter) {
    deliver("subscribed", () -> listener.subscribed(topicFilter));
  }

  void disconnected(Throwable cause) {
    deliver("disconnected", () -> listener.disconnected(cause));
  }

  void reconnecting(int attempt, long delayMillis) {
    deliver("reconnecting", () -> listener.reconnecting(attempt, delayMillis));
  }

  void startFailed(RrpcStartException failure) {
    deliver("startFailed", () -> listener.startFailed(failure));
  }

  private void deliver(String event, Runnable call) {
    if (listener == null) {
      return;
    }
    try {
      scheduler.execute(() -> {
        try {
          call.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "the connection listener failed on " + event, e);
        }
      });
    } catch (RejectedExecutionException closing) {
      // The device has closed: nobody is waiting for events any more.
    }
  }
}
