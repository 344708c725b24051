package io.rrpc.runtime;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request from arrival to reply. Exactly one answer wins — the handler's result, an error, or the
 * deadline's {@code timeout} — and goes to the {@link AnswerSink}; anything after it is dropped and
 * counted.
 *
 * <p>Given what it needs (the dispatch table, the counters, where answers go) and holding nothing that
 * leads back to whoever made it. Three verbs, each from its own thread: {@link #run()} on a worker
 * (the handler call), {@link #expire()} on the scheduler (the deadline passed), {@link #addDuplicate()}
 * on Paho's callback thread (the same processId arrived again).
 *
 * <p>Its state is one atomic int: {@code >= 0} while open, counting duplicate requests waiting for the
 * same reply; {@link #ANSWERED} once answered; {@code <= }{@link #STORING} for the instant the answer
 * is being stored, counting down the duplicates that arrive meanwhile, so that no thread ever waits
 * for another.
 */
final class Exchange implements Runnable {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");
  private static final int ANSWERED = -1;
  private static final int STORING = -2;
  /** In place of a start time: the request failed before any handler was called. */
  private static final long NOT_CALLED = Long.MIN_VALUE;

  final RrpcRequest request;
  private final String replyTopic;
  private final DispatchTable table;
  private final MetricsRecorder metrics;
  private final AnswerSink answers;
  private final AtomicInteger state = new AtomicInteger();
  private volatile byte[] reply;
  private volatile String commandKey;
  /** When the answer won; read by {@link RecentRequests} to expire the entry. */
  volatile long answeredAtNanos;

  Exchange(RrpcRequest request, String replyTopic, DispatchTable table, MetricsRecorder metrics, AnswerSink answers) {
    this.request = request;
    this.replyTopic = replyTopic;
    this.table = table;
    this.metrics = metrics;
    this.answers = answers;
  }

  /** On a worker: key → dispatcher's switch → handler → answer, unless the deadline already answered. */
  @Override
  public void run() {
    if (state.get() < 0) {
      return;
    }
    String key;
    try {
      key = request.commandKey();
    } catch (RuntimeException malformedJson) {
      failed(malformedJson, NOT_CALLED);
      return;
    }
    commandKey = key;
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("rrpc request, processId: " + request.processId() + ", command: " + key);
    }
    RrpcDispatcher dispatcher = table.forKey(key);
    long start = System.nanoTime();
    RrpcReply result;
    try {
      result = dispatcher == null ? null : dispatcher.dispatch(request);
    } catch (Throwable t) {
      failed(t, start);
      return;
    }
    if (result == null) {
      answerError(Outcome.UNKNOWN_COMMAND, Outcome.UNKNOWN_COMMAND.code(), "unknown command \"" + abbreviate(key) + "\"");
      return;
    }
    settle(result, start);
  }

  /** On the scheduler: the deadline passed; answers {@code timeout} unless already answered. */
  void expire() {
    long millis = TimeUnit.NANOSECONDS.toMillis(request.deadlineNanos() - request.arrivalNanos());
    if (answerError(Outcome.TIMEOUT, Outcome.TIMEOUT.code(), "no reply within " + millis + " ms")) {
      String key = commandKey;
      LOG.warning("rrpc request timed out, processId: " + request.processId()
          + (key == null ? " (still queued)" : ", command: " + abbreviate(key)));
    }
  }

  /**
   * On Paho's callback thread: the same processId arrived again. It gets the same reply: now, if the
   * answer is stored, else together with the answer.
   */
  void addDuplicate() {
    while (true) {
      int s = state.get();
      if (s == ANSWERED) {
        answers.resend(this);
        return;
      }
      // Open: one more waiting. Storing: one more for the storing thread to send.
      if (state.compareAndSet(s, s >= 0 ? s + 1 : s - 1)) {
        return;
      }
    }
  }

  /** Whether the exchange has its answer (or is storing it this very moment). */
  boolean isAnswered() {
    return state.get() < 0;
  }

  /** Answers with an error reply; {@code false} if already answered. */
  boolean answerError(Outcome outcome, String code, String message) {
    if (state.get() < 0) {
      return false;
    }
    return answer(outcome, answers.errorReply(outcome, code, message, request));
  }

  byte[] reply() {
    return reply;
  }

  String replyTopic() {
    return replyTopic;
  }

  /**
   * The outcome a thrown exception stands for: an {@link RrpcException}'s code when it is one of the
   * runtime's, {@link Outcome#REFUSED} for a handler's own code, {@link Outcome#HANDLER_ERROR} for
   * anything else.
   */
  static Outcome outcomeOf(Throwable t) {
    if (!(t instanceof RrpcException)) {
      return Outcome.HANDLER_ERROR;
    }
    String code = ((RrpcException) t).code();
    return RrpcException.INVALID_PARAMS.equals(code) ? Outcome.INVALID_PARAMS
        : RrpcException.MALFORMED_JSON.equals(code) ? Outcome.MALFORMED_JSON
        : Outcome.REFUSED;
  }

  private void settle(RrpcReply result, long start) {
    if (!result.isAsync()) {
      metrics.handlerLatency.record(System.nanoTime() - start);
      handlerAnswer(result.payload());
      return;
    }
    result.pending().whenComplete((next, error) -> {
      if (error != null) {
        failed(unwrap(error), start);
      } else if (next == null) {
        metrics.handlerLatency.record(System.nanoTime() - start);
        handlerAnswer(new byte[0]);
      } else {
        settle(next, start);
      }
    });
  }

  private void failed(Throwable t, long start) {
    if (start != NOT_CALLED) {
      metrics.handlerLatency.record(System.nanoTime() - start);
    }
    Outcome outcome = outcomeOf(t);
    if (state.get() < 0) {
      if (outcome == Outcome.HANDLER_ERROR) {
        // Typically the interrupt of a handler still running at close(), after its timeout reply.
        LOG.log(Level.FINE, "handler failed after its deadline, " + where(), t);
      }
      lateResult();
      return;
    }
    String code;
    String message;
    if (outcome == Outcome.HANDLER_ERROR) {
      LOG.log(Level.WARNING, "handler failed, " + where(), t);
      code = outcome.code();
      message = "the handler failed"; // an exception's message may hold anything: never sent
    } else {
      code = ((RrpcException) t).code();
      message = t.getMessage() == null ? "" : t.getMessage();
    }
    if (!answerError(outcome, code, message)) {
      lateResult();
    }
  }

  private String where() {
    String key = commandKey;
    return "processId: " + request.processId() + (key == null ? "" : ", command: " + abbreviate(key));
  }

  private void handlerAnswer(byte[] payload) {
    if (!answer(Outcome.SUCCESS, payload == null ? new byte[0] : payload)) {
      lateResult();
    }
  }

  private void lateResult() {
    metrics.lateResultsDropped.increment();
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("rrpc late result dropped, processId: " + request.processId());
    }
  }

  private boolean answer(Outcome outcome, byte[] payload) {
    int waiting;
    do {
      waiting = state.get();
      if (waiting < 0) {
        return false;
      }
    } while (!state.compareAndSet(waiting, STORING));
    reply = payload;
    answeredAtNanos = System.nanoTime();
    int arrivedWhileStoring = STORING - state.getAndSet(ANSWERED);
    answers.answered(this, outcome, waiting + arrivedWhileStoring);
    return true;
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Command keys come from the caller: keep log lines and replies short. */
  static String abbreviate(String key) {
    return key.length() <= 64 ? key : key.substring(0, 64) + "...";
  }
}
