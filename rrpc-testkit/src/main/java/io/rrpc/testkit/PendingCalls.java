package io.rrpc.testkit;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hub's calls waiting for their reply, keyed by {@code productId/deviceName/messageId}: each ends
 * with its first reply, at its deadline, or when the simulator closes, and its future completes on the
 * simulator's own thread, never on the MQTT client's. Also hands out the MessageIds. Thread-safe.
 */
final class PendingCalls {
  private final long timeoutNanos;
  private final long firstId;
  private final AtomicLong lastId;
  private final AtomicLong strayReplies = new AtomicLong();
  private final Map<String, Call> calls = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor scheduler;

  PendingCalls(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
    // Fresh positive ids of 13 digits, from a random start so that two simulators on one broker do not
    // collide; Tencent's C SDK refuses processIds over 16 characters.
    this.firstId = 1_000_000_000_000L + (long) (new SecureRandom().nextDouble() * 8_000_000_000_000L);
    this.lastId = new AtomicLong(firstId);
    this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "rrpc-hub-simulator");
      t.setDaemon(true);
      return t;
    });
    scheduler.setRemoveOnCancelPolicy(true);
  }

  /** A fresh MessageId. */
  long nextMessageId() {
    return lastId.incrementAndGet();
  }

  /** Something unique to this simulator, for its MQTT client id. */
  String instanceId() {
    return Long.toHexString(firstId);
  }

  /**
   * Starts waiting for the reply to {@code messageId}; its deadline runs from now. Register before
   * publishing the request, so that no reply can come first.
   */
  Call register(String productId, String deviceName, long messageId) {
    String key = productId + "/" + deviceName + "/" + messageId;
    Call call = new Call(key, messageId);
    try {
      call.timeout = scheduler.schedule(() -> {
        if (calls.remove(key, call)) {
          call.fail(RrpcCallException.RRPC_TIMEOUT,
              "no reply on $rrpc/txd/" + key + " within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
        }
      }, timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      call.fail(RrpcCallException.INTERNAL_ERROR, "the hub simulator is closed");
      return call;
    }
    calls.put(key, call);
    return call;
  }

  /** Ends a call that could not be sent. */
  void abandon(Call call, String code, String detail) {
    if (calls.remove(call.key, call)) {
      call.timeout.cancel(false);
      call.fail(code, detail);
    }
  }

  /** A reply arrived on {@code $rrpc/txd/} + {@code key}. Called on the MQTT client's thread: quick. */
  void onReply(String key, byte[] payload) {
    Call call = calls.remove(key);
    if (call == null) {
      if (isOurs(key)) {
        strayReplies.incrementAndGet();
      }
      return;
    }
    call.timeout.cancel(false);
    RrpcResult result = new RrpcResult(call.messageId, payload);
    execute(() -> call.future.complete(result));
  }

  /** Runs {@code task} on the simulator's own thread (inline once closed). */
  void execute(Runnable task) {
    try {
      scheduler.execute(task);
    } catch (RejectedExecutionException closed) {
      task.run();
    }
  }

  /** Fails every pending call with {@code InternalError} and stops the timers. */
  void close() {
    scheduler.shutdownNow();
    for (String key : calls.keySet()) {
      Call call = calls.remove(key);
      if (call != null) {
        call.fail(RrpcCallException.INTERNAL_ERROR, "the hub simulator was closed");
      }
    }
  }

  /** Whether {@link #close()} was called. */
  boolean isClosed() {
    return scheduler.isShutdown();
  }

  int size() {
    return calls.size();
  }

  long strayReplies() {
    return strayReplies.get();
  }

  /** Whether a reply key {@code p/d/id} carries an id this simulator issued. */
  private boolean isOurs(String key) {
    try {
      long id = Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
      return id > firstId && id <= lastId.get();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** One call waiting for its reply. */
  static final class Call {
    final String key;
    final long messageId;
    final CompletableFuture<RrpcResult> future = new CompletableFuture<>();
    volatile ScheduledFuture<?> timeout;

    Call(String key, long messageId) {
      this.key = key;
      this.messageId = messageId;
    }

    void fail(String code, String detail) {
      future.completeExceptionally(new RrpcCallException(code, messageId, detail));
    }
  }
}
