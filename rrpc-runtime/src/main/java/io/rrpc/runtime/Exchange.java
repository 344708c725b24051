package io.rrpc.runtime;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One request from arrival to reply. Exactly one answer wins — the handler's result, an error, or the
 * deadline's {@code timeout} — and is published; anything after it is dropped and counted.
 *
 * <p>Runs as a {@link Runnable} on a worker (the handler call) and as a {@link Callable} on the
 * scheduler (the deadline). Its state is one atomic int: {@code >= 0} while open, counting duplicate
 * requests waiting for the same reply; {@link #ANSWERING} for the instant the reply is being stored;
 * {@link #ANSWERED} after.
 */
final class Exchange implements Runnable, Callable<Void> {
  private static final Logger LOG = Logger.getLogger("io.rrpc.runtime");
  private static final int ANSWERING = -2;
  private static final int ANSWERED = -1;
  /** In place of a start time: the request failed before any handler was called. */
  private static final long NOT_CALLED = Long.MIN_VALUE;

  final RrpcRequest request;
  private final RequestPipeline pipeline;
  private final AtomicInteger state = new AtomicInteger();
  private volatile byte[] reply;
  private String replyTopic;
  private volatile String commandKey;
  /** When the answer won; read by {@link RecentRequests} to expire the entry. */
  volatile long answeredAtNanos;
  /** The deadline timer, set by the callback thread before the exchange reaches a worker. */
  volatile ScheduledFuture<?> deadlineTimer;

  Exchange(RequestPipeline pipeline, RrpcRequest request) {
    this.pipeline = pipeline;
    this.request = request;
  }

  /** On a worker: call the handler, unless the deadline already answered while the request queued. */
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
    RrpcDispatcher dispatcher = pipeline.table.forKey(key);
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

  /** On the scheduler: the deadline passed. */
  @Override
  public Void call() {
    if (answerError(Outcome.TIMEOUT, Outcome.TIMEOUT.code(), "no reply within " + pipeline.deadlineMillis + " ms")) {
      String key = commandKey;
      LOG.warning("rrpc request timed out, processId: " + request.processId()
          + (key == null ? " (still queued)" : ", command: " + abbreviate(key)));
    }
    return null;
  }

  /** On the callback thread: the same processId arrived again. */
  void repeat() {
    while (true) {
      int s = state.get();
      if (s >= 0) {
        if (state.compareAndSet(s, s + 1)) {
          return; // the answer will be sent once more when it comes
        }
      } else if (s == ANSWERED) {
        pipeline.replies.send(this);
        return;
      } else {
        Thread.yield(); // ANSWERING: the reply is being stored this very moment
      }
    }
  }

  /** Answers with an error reply from the policy; {@code false} if already answered. */
  boolean answerError(Outcome outcome, String code, String message) {
    if (state.get() < 0) {
      return false;
    }
    return answer(outcome, pipeline.errorReply(outcome, code, message, request));
  }

  byte[] reply() {
    return reply;
  }

  String replyTopic() {
    String t = replyTopic;
    if (t == null) {
      t = pipeline.topics.replyTopic(request.processId());
      replyTopic = t;
    }
    return t;
  }

  private void settle(RrpcReply result, long start) {
    if (!result.isAsync()) {
      pipeline.metrics.handlerLatency.record(System.nanoTime() - start);
      handlerAnswer(Outcome.SUCCESS, result.payload());
      return;
    }
    result.pending().whenComplete((next, error) -> {
      if (error != null) {
        failed(unwrap(error), start);
      } else if (next == null) {
        pipeline.metrics.handlerLatency.record(System.nanoTime() - start);
        handlerAnswer(Outcome.SUCCESS, new byte[0]);
      } else {
        settle(next, start);
      }
    });
  }

  private void failed(Throwable t, long start) {
    if (start != NOT_CALLED) {
      pipeline.metrics.handlerLatency.record(System.nanoTime() - start);
    }
    if (t instanceof RrpcException) {
      RrpcException e = (RrpcException) t;
      String code = e.code();
      Outcome outcome = RrpcException.INVALID_PARAMS.equals(code) ? Outcome.INVALID_PARAMS
          : RrpcException.MALFORMED_JSON.equals(code) ? Outcome.MALFORMED_JSON
          : Outcome.REFUSED;
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (state.get() < 0 || !answer(outcome, pipeline.errorReply(outcome, code, message, request))) {
        lateResult();
      }
      return;
    }
    String key = commandKey;
    String where = "processId: " + request.processId() + (key == null ? "" : ", command: " + abbreviate(key));
    if (state.get() < 0) {
      // Already answered (timeout): typically the interrupt of a handler still running at close().
      LOG.log(Level.FINE, "handler failed after its deadline, " + where, t);
      lateResult();
      return;
    }
    LOG.log(Level.WARNING, "handler failed, " + where, t);
    if (!answerError(Outcome.HANDLER_ERROR, Outcome.HANDLER_ERROR.code(), "the handler failed")) {
      lateResult();
    }
  }

  private void handlerAnswer(Outcome outcome, byte[] payload) {
    if (!answer(outcome, payload == null ? new byte[0] : payload)) {
      lateResult();
    }
  }

  private void lateResult() {
    pipeline.metrics.lateResultsDropped.increment();
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
    } while (!state.compareAndSet(waiting, ANSWERING));
    reply = payload;
    answeredAtNanos = System.nanoTime();
    state.set(ANSWERED);
    ScheduledFuture<?> timer = deadlineTimer;
    if (timer != null && outcome != Outcome.TIMEOUT) {
      timer.cancel(false);
    }
    pipeline.answered(this, outcome, waiting);
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
