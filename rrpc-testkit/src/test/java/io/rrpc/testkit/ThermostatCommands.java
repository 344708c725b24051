package io.rrpc.testkit;

import io.rrpc.annotations.RrpcCommand;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler class as a device developer writes it; the rrpc processor generates
 * {@code ThermostatCommands_RrpcDispatcher} from it when the tests compile.
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

  @RrpcCommand("closed")
  String close() {
    return "ok";
  }

  @RrpcCommand("echo")
  String echo(String argumentText) {
    return argumentText;
  }

  @RrpcCommand("slow")
  String slow() throws InterruptedException {
    if (!releaseSlow.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the test never released slow");
    }
    return "finally";
  }

  /** An asynchronous reply, given only once {@code holdUntil} requests are waiting. */
  @RrpcCommand("hold")
  CompletableFuture<String> hold(String argumentText) {
    if (held.incrementAndGet() == holdUntil) {
      allHeld.complete(null);
    }
    return allHeld.thenApply(v -> "held " + argumentText);
  }
}
