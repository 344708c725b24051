package io.rrpc.hub;

import io.rrpc.annotations.RrpcCommand;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tests' device, written as a device developer writes one; the rrpc processor generates
 * {@code AirconCommands_RrpcDispatcher} from it when the tests compile.
 */
public final class AirconCommands {
  /** {@code slow} waits for this. */
  final CountDownLatch releaseSlow = new CountDownLatch(1);
  private final int holdUntil;
  private final AtomicInteger held = new AtomicInteger();
  private final CompletableFuture<Void> allHeld = new CompletableFuture<>();

  /** @param holdUntil {@code hold} replies once this many {@code hold} requests have arrived */
  public AirconCommands(int holdUntil) {
    this.holdUntil = holdUntil;
  }

  @RrpcCommand("closed")
  public String close() {
    return "ok";
  }

  @RrpcCommand("echo")
  public String echo(String argumentText) {
    return argumentText;
  }

  /** Replies with its argument once {@code holdUntil} hold requests are in flight at once. */
  @RrpcCommand("hold")
  public CompletionStage<String> hold(String argumentText) {
    if (held.incrementAndGet() == holdUntil) {
      allHeld.complete(null);
    }
    return allHeld.thenApply(all -> argumentText);
  }

  @RrpcCommand("slow")
  public String slow() throws InterruptedException {
    if (!releaseSlow.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the test never released slow");
    }
    return "finally";
  }
}
