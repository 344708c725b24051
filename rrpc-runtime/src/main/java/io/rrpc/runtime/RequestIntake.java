package io.rrpc.runtime;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * The first half of the request path, on Paho's callback thread: topic → request with its reply topic
 * and deadline → duplicate check → bounds → the workers' queue. {@link Exchange#run()} takes it from
 * there on a worker.
 *
 * <p>Only cheap, non-blocking work happens here: a flag check, parsing the topic, a map lookup, a size
 * comparison, tracking the deadline and offering to the queue. Requests refused here (too large, queue
 * full, closing) are answered from here with an asynchronous publish.
 */
final class RequestIntake implements MqttSession.RequestListener {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");

  private final RrpcTopics topics;
  private final DispatchTable table;
  private final MetricsRecorder metrics;
  private final AnswerSink answers;
  private final RecentRequests recent;
  private final Deadlines deadlines;
  private final HandlerLane workers;
  private final long deadlineNanos;
  private final int maxPayloadBytes;
  private volatile boolean stopping;

  RequestIntake(RrpcTopics topics, DispatchTable table, MetricsRecorder metrics, AnswerSink answers,
      RecentRequests recent, Deadlines deadlines, HandlerLane workers, long deadlineMillis,
      int maxPayloadBytes) {
    this.topics = topics;
    this.table = table;
    this.metrics = metrics;
    this.answers = answers;
    this.recent = recent;
    this.deadlines = deadlines;
    this.workers = workers;
    this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMillis);
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  public void requestArrived(String topic, MqttMessage message) {
    metrics.received.increment();
    if (message.isRetained()) {
      // The hub never retains RRPC requests: a retained one is a stale command that some other client
      // left on the topic, and the broker replays it at every subscribe.
      metrics.retainedRequestsDropped.increment();
      LOG.warning("rrpc request dropped: it was published with the retain flag (a stale command, not"
          + " from the hub), topic " + abbreviatedTopic(topic));
      return;
    }
    String processId = topics.processIdOf(topic);
    if (processId == null) {
      metrics.invalidRequestsDropped.increment();
      LOG.warning("rrpc request dropped: no valid processId in topic " + abbreviatedTopic(topic));
      return;
    }
    long now = System.nanoTime();
    RrpcRequest request = RrpcRequest.of(processId, message.getPayload(), now, now + deadlineNanos);
    Exchange exchange = new Exchange(request, topics.replyTopic(processId), table, metrics, answers);
    Exchange earlier = recent.register(exchange, now);
    if (earlier != null) {
      metrics.duplicates.increment();
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine("rrpc duplicate request, processId: " + processId);
      }
      earlier.addDuplicate();
      return;
    }
    metrics.inFlight.incrementAndGet();
    int size = request.payload().length;
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

  /** From now on new requests are answered {@code busy}. */
  void stopAccepting() {
    stopping = true;
  }

  int queued() {
    return workers.queued();
  }

  private static String abbreviatedTopic(String topic) {
    return topic.length() <= 160 ? topic : topic.substring(0, 160) + "...";
  }
}
