package io.rrpc.runtime;

import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a request's answer goes once it has won: counted, remembered for duplicates, handed to the
 * reply sender (once more per duplicate waiting for it). Also the one place that knows when every
 * accepted request has been answered, which {@link RrpcDevice#close()} waits for.
 *
 * <p>Thread-safe: answers come from workers, the scheduler and Paho's callback thread.
 */
final class AnswerSink {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");

  private final MetricsRecorder metrics;
  private final RecentRequests recent;
  private final ReplySender replies;
  private final ErrorReplyPolicy policy;
  private final Object quiet = new Object();
  private volatile boolean closing;

  AnswerSink(MetricsRecorder metrics, RecentRequests recent, ReplySender replies, ErrorReplyPolicy policy) {
    this.metrics = metrics;
    this.recent = recent;
    this.replies = replies;
    this.policy = policy;
  }

  /** An exchange won its answer: count it, remember it for duplicates, publish it. */
  void answered(Exchange exchange, Outcome outcome, int duplicatesWaiting) {
    metrics.outcome(outcome);
    recent.answered(exchange);
    for (int i = 0; i <= duplicatesWaiting; i++) {
      replies.send(exchange);
    }
    if (metrics.inFlight.decrementAndGet() == 0 && closing) {
      synchronized (quiet) {
        quiet.notifyAll();
      }
    }
  }

  /** A duplicate of an answered exchange: the same reply once more. */
  void resend(Exchange exchange) {
    replies.send(exchange);
  }

  /** The bytes of an error reply, from the policy, or the standard ones if the policy fails. */
  byte[] errorReply(Outcome outcome, String code, String message, RrpcRequest request) {
    try {
      byte[] reply = policy.errorReply(outcome, code, message, request);
      if (reply != null) {
        return reply;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ErrorReplyPolicy failed; sending the standard reply", e);
    }
    return StandardErrorReplies.INSTANCE.errorReply(outcome, code, message, request);
  }

  /** Waits until every accepted request is answered (the deadline bounds this), up to the timeout. */
  boolean awaitAnswered(long timeoutMillis) throws InterruptedException {
    closing = true;
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (quiet) {
      long left;
      while (metrics.inFlight.get() > 0) {
        left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(quiet, left);
      }
    }
    return true;
  }
}
