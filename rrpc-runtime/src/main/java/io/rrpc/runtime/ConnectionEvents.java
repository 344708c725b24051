package io.rrpc.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the session's connection events to the application's {@link RrpcConnectionListener}, one at a time
 * and in order, on the device's own lane of the worker pool: never on Paho's thread, and never on the
 * timer, so that a listener that blocks delays neither deadlines nor keep-alive pings, nor (on shared
 * executors) any other device. At most {@link #BACKLOG} events wait behind a blocked listener; beyond
 * that they are dropped with a warning. A listener that throws is logged and ignored.
 */
final class ConnectionEvents {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");
  static final int BACKLOG = 64;

  private final RrpcConnectionListener listener;
  private final HandlerLane lane;

  ConnectionEvents(RrpcConnectionListener listener, Executor workers) {
    this.listener = listener;
    this.lane = listener == null ? null : new HandlerLane(workers, 1, BACKLOG);
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
    if (lane == null) {
      return;
    }
    try {
      lane.execute(() -> {
        try {
          call.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "the connection listener failed on " + event, e);
        }
      });
    } catch (RejectedExecutionException e) {
      if (HandlerLane.QUEUE_FULL.equals(e.getMessage())) {
        LOG.warning("the connection listener is not keeping up (" + BACKLOG + " events waiting): dropped "
            + event);
      }
      // Otherwise the device's executors have ended: nobody is waiting for events any more.
    }
  }
}
