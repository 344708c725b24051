package io.rrpc.runtime;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * The request path: Paho callback thread → processId from the topic → request with its deadline →
 * duplicate check → size check → bounded executor → handler → reply → counters.
 *
 * <p>The callback thread only does cheap, non-blocking work: parsing the topic, a map lookup, a size
 * comparison, scheduling the deadline and offering to the queue. Requests it refuses (too large, queue
 * full) are answered from it with an asynchronous publish.
 */
final class RequestPipeline implements MqttSession.Listener {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");

  final RrpcTopics topics;
  final DispatchTable table;
  final MetricsRecorder metrics;
  final ReplySender replies;
  final long deadlineMillis;
  private final long deadlineNanos;
  private final int maxPayloadBytes;
  private final ErrorReplyPolicy policy;
  private final ThreadPoolExecutor workers;
  private final RecentRequests recent;
  private final Deadlines deadlines;
  private final Object quiet = new Object();
  private volatile boolean stopping;

  RequestPipeline(RrpcTopics topics, DispatchTable table, ErrorReplyPolicy policy, MetricsRecorder metrics,
      ReplySender replies, ThreadPoolExecutor workers, ScheduledExecutorService scheduler,
      long deadlineMillis, int maxPayloadBytes, int recentCapacity) {
    this.topics = topics;
    this.table = table;
    this.policy = policy;
    this.metrics = metrics;
    this.replies = replies;
    this.workers = workers;
    this.deadlineMillis = deadlineMillis;
    this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    this.maxPayloadBytes = maxPayloadBytes;
    this.recent = new RecentRequests(deadlineNanos, recentCapacity);
    this.deadlines = new Deadlines(scheduler);
  }

  @Override
  public void requestArrived(String topic, MqttMessage message) {
    metrics.received.increment();
    String processId = topics.processIdOf(topic);
    if (processId == null) {
      metrics.invalidRequestsDropped.increment();
      LOG.warning("rrpc request dropped: no valid processId in topic "
          + (topic.length() <= 160 ? topic : topic.substring(0, 160) + "..."));
      return;
    }
    long now = System.nanoTime();
    Exchange exchange = new Exchange(this, RrpcRequest.of(processId, message.getPayload(), now, now + deadlineNanos));
    Exchange earlier = recent.register(exchange, now);
    if (earlier != null) {
      metrics.duplicates.increment();
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine("rrpc duplicate request, processId: " + processId);
      }
      earlier.repeat();
      return;
    }
    metrics.inFlight.incrementAndGet();
    int size = exchange.request.payload().length;
    if (size > maxPayloadBytes) {
      exchange.answerError(Outcome.PAYLOAD_TOO_LARGE, Outcome.PAYLOAD_TOO_LARGE.code(),
          "the request is " + size + " bytes, the limit is " + maxPayloadBytes);
      return;
    }
    if (stopping) {
      exchange.answerError(Outcome.BUSY, Outcome.BUSY.code(), "the device is shutting down");
      return;
    }
    try {
      deadlines.track(exchange);
      workers.execute(exchange);
    } catch (RejectedExecutionException full) {
      exchange.answerError(Outcome.BUSY, Outcome.BUSY.code(), "the device is busy, try again later");
    }
  }

  @Override
  public void subscribed() {
    replies.sendHeld();
  }

  /** An exchange won its answer: count it, remember it for duplicates, publish it (once per waiting duplicate too). */
  void answered(Exchange exchange, Outcome outcome, int duplicatesWaiting) {
    metrics.outcome(outcome);
    recent.answered(exchange);
    for (int i = 0; i <= duplicatesWaiting; i++) {
      replies.send(exchange);
    }
    if (metrics.inFlight.decrementAndGet() == 0 && stopping) {
      synchronized (quiet) {
        quiet.notifyAll();
      }
    }
  }

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

  /** From now on new requests are answered {@code busy}. */
  void stopAccepting() {
    stopping = true;
  }

  /** Waits until every accepted request is answered (the deadline bounds this), up to the timeout. */
  boolean awaitAnswered(long timeoutMillis) throws InterruptedException {
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

  int queued() {
    return workers.getQueue().size();
  }
}
