package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One exchange from the worker's call to the published reply, without a broker: duplicates, the
 * deadline, late results and the exception → outcome rule. What is "published" is recorded.
 */
class ExchangeTest {
  private final List<String> published = new CopyOnWriteArrayList<>();
  private final MetricsRecorder metrics = new MetricsRecorder();
  private final AnswerSink answers = new AnswerSink(metrics,
      new RecentRequests(TimeUnit.SECONDS.toNanos(4), 100),
      new ReplySender((topic, payload, context, callback) -> {
        published.add(topic + " " + new String(payload, StandardCharsets.UTF_8));
        return true;
      }, metrics, 4000),
      ErrorReplyPolicy.standard());

  /** The one command {@code get}; its reply is whatever {@link #reply} holds when it is called. */
  private volatile RrpcReply reply = RrpcReply.of("ok");
  private final RrpcDispatcher dispatcher = new RrpcDispatcher() {
    @Override
    public List<String> commands() {
      return Collections.singletonList("get");
    }

    @Override
    public boolean hasFallback() {
      return false;
    }

    @Override
    public String handlerClass() {
      return "test.Get";
    }

    @Override
    public RrpcReply dispatch(RrpcRequest request) {
      return "get".equals(request.commandKey()) ? reply : null;
    }
  };

  private Exchange exchange(String processId, String payload) {
    return new Exchange(RrpcRequest.of(processId, payload), "$rrpc/txd/P/D/" + processId,
        DispatchTable.of(Collections.singletonList(dispatcher)), metrics, answers);
  }

  @Test
  void duplicatesWaitingForTheAnswerEachGetTheReply() {
    Exchange e = exchange("1", "get");
    e.addDuplicate();
    e.addDuplicate();

    e.run();

    assertEquals(Collections.nCopies(3, "$rrpc/txd/P/D/1 ok"), published);
    assertEquals(1, metrics.snapshot(0).outcome(Outcome.SUCCESS), "one outcome, however many repeats");
  }

  @Test
  void aDuplicateAfterTheAnswerGetsTheSameReplyAtOnce() {
    Exchange e = exchange("2", "get");
    e.run();

    e.addDuplicate();

    assertEquals(Collections.nCopies(2, "$rrpc/txd/P/D/2 ok"), published);
  }

  @Test
  void theDeadlineAnswersTimeoutAndTheLateResultIsDropped() {
    CompletableFuture<String> later = new CompletableFuture<>();
    reply = RrpcReply.async(later, RrpcReply::of);
    Exchange e = exchange("3", "get");
    e.run();
    assertFalse(e.isAnswered());

    e.expire();
    later.complete("too late");

    assertTrue(e.isAnswered());
    assertEquals(1, published.size());
    assertTrue(published.get(0).startsWith("$rrpc/txd/P/D/3 error timeout: no reply within "), published.get(0));
    assertEquals(1, metrics.snapshot(0).lateResultsDropped());
  }

  @Test
  void anUnknownCommandIsAnsweredByTheExchange() {
    exchange("4", "fly").run();

    assertEquals(Collections.singletonList("$rrpc/txd/P/D/4 error unknown_command: unknown command \"fly\""),
        published);
  }

  @Test
  void oneRuleMapsAThrownExceptionToItsOutcome() {
    assertEquals(Outcome.INVALID_PARAMS, Exchange.outcomeOf(RrpcException.invalidParams("celsius")));
    assertEquals(Outcome.MALFORMED_JSON, Exchange.outcomeOf(new RrpcException("malformed_json", "x")));
    assertEquals(Outcome.REFUSED, Exchange.outcomeOf(new RrpcException("door_open", "close it first")));
    assertEquals(Outcome.HANDLER_ERROR, Exchange.outcomeOf(new IllegalStateException("secret inside")));
  }
}
