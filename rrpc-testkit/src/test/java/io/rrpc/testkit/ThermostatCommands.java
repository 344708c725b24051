package io.rrpc.testkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler class as a device developer writes it (annotations in comments: the processor is another
 * module). {@link ThermostatCommands_RrpcDispatcher} is written the way the processor writes it.
 */
final class ThermostatCommands {
  /** {@code slow} waits for this. */
  final CountDownLatch releaseSlow = new CountDownLatch(1);
  /** {@code hold} replies once this many requests have arrived. */
  private final int holdUntil;
  private final AtomicInteger held = new AtomicInteger();
  private final CompletableFuture<Void> allHeld = new CompletableFuture<>();

  ThermostatCommands(int holdUntil) {
    this.holdUntil = holdUntil;
  }

  // @RrpcCommand("closed")
  String close() {
    return "ok";
  }

  // @RrpcCommand("echo")
  String echo(String argumentText) {
    return argumentText;
  }

  // @RrpcCommand("slow")
  String slow() throws InterruptedException {
    if (!releaseSlow.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the test never released slow");
    }
    return "finally";
  }

  // @RrpcCommand("hold"): an asynchronous reply, given only once holdUntil requests are waiting.
  CompletableFuture<String> hold(String argumentText) {
    if (held.incrementAndGet() == holdUntil) {
      allHeld.complete(null);
    }
    return allHeld.thenApply(v -> "held " + argumentText);
  }
}
