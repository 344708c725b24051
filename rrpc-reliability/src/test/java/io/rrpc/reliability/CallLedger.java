package io.rrpc.reliability;

import io.rrpc.testkit.RrpcCallException;
import io.rrpc.testkit.RrpcResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What became of each call a test made through the hub simulator. A call is settled as exactly one of:
 * its own result; a documented {@code busy} or {@code timeout} error reply; the hub's
 * {@code RRPCTimeout}, or its {@code DeviceOffline} / {@code DeviceNoSubscription} while the device was
 * reconnecting; <em>crossed</em> (a reply that belongs to another request); or <em>lost</em>
 * (no outcome at all, or one the hub does not document).
 */
final class CallLedger {
  private final List<Call> pending = new ArrayList<>();
  final AtomicLong sent = new AtomicLong();
  final AtomicLong results = new AtomicLong();
  final AtomicLong busy = new AtomicLong();
  final AtomicLong deviceTimeouts = new AtomicLong();
  final AtomicLong hubTimeouts = new AtomicLong();
  final AtomicLong hubOffline = new AtomicLong();
  final AtomicLong crossed = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();
  final List<String> problems = new ArrayList<>();

  /** Tracks a call whose only correct result is {@code expected}. */
  synchronized void track(CompletableFuture<RrpcResult> call, String expected) {
    sent.incrementAndGet();
    pending.add(new Call(call, expected));
  }

  /**
   * Waits for every tracked call (each ends by the hub's deadline; {@code graceMillis} only guards
   * against a bug) and settles it.
   */
  void settleAll(long graceMillis) throws InterruptedException {
    List<Call> calls;
    synchronized (this) {
      calls = new ArrayList<>(pending);
      pending.clear();
    }
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
    for (Call c : calls) {
      settle(c, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
    }
  }

  /** Adds the settled counts of another ledger to this one. */
  synchronized void addAll(CallLedger other) {
    sent.addAndGet(other.sent.get());
    results.addAndGet(other.results.get());
    busy.addAndGet(other.busy.get());
    deviceTimeouts.addAndGet(other.deviceTimeouts.get());
    hubTimeouts.addAndGet(other.hubTimeouts.get());
    hubOffline.addAndGet(other.hubOffline.get());
    crossed.addAndGet(other.crossed.get());
    lost.addAndGet(other.lost.get());
    problems.addAll(other.problems);
  }

  long answered() {
    return results.get() + busy.get() + deviceTimeouts.get();
  }

  long lost() {
    return lost.get();
  }

  private void settle(Call c, long waitMillis) throws InterruptedException {
    RrpcResult r;
    try {
      r = c.future.get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      String code = e.getCause() instanceof RrpcCallException ? ((RrpcCallException) e.getCause()).code() : "";
      if (RrpcCallException.RRPC_TIMEOUT.equals(code)) {
        hubTimeouts.incrementAndGet();
      } else if (RrpcCallException.DEVICE_OFFLINE.equals(code) || RrpcCallException.DEVICE_NO_SUBSCRIPTION.equals(code)) {
        hubOffline.incrementAndGet();
      } else {
        problem(lost, "call for <" + c.expected + "> failed: " + e.getCause());
      }
      return;
    } catch (TimeoutException e) {
      problem(lost, "call for <" + c.expected + "> never completed");
      return;
    }
    String text = r.payloadText();
    if (text.equals(c.expected)) {
      results.incrementAndGet();
    } else if (text.startsWith("error busy: ")) {
      busy.incrementAndGet();
    } else if (text.startsWith("error timeout: ")) {
      deviceTimeouts.incrementAndGet();
    } else {
      problem(crossed, "call for <" + c.expected + "> got <" + abbreviate(text) + ">");
    }
  }

  private synchronized void problem(AtomicLong counter, String what) {
    counter.incrementAndGet();
    if (problems.size() < 20) {
      problems.add(what);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  private static final class Call {
    final CompletableFuture<RrpcResult> future;
    final String expected;

    Call(CompletableFuture<RrpcResult> future, String expected) {
      this.future = future;
      this.expected = expected;
    }
  }
}
