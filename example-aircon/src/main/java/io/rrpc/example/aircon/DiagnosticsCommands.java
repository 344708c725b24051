package io.rrpc.example.aircon;

import com.google.gson.JsonObject;
import io.rrpc.annotations.RrpcCommand;
import io.rrpc.annotations.RrpcFallback;
import io.rrpc.runtime.RrpcDispatcher;
import io.rrpc.runtime.RrpcException;
import io.rrpc.runtime.RrpcRequest;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Provider;

/**
 * An asynchronous self-test, and the fallback for commands nobody declared.
 *
 * <p>{@code selfTest} shows an asynchronous handler: it returns at once with a stage that a scheduler
 * completes later, so the device's worker is free meanwhile; the reply is published when the stage
 * completes, within the request's deadline.
 */
public final class DiagnosticsCommands {
  /** How long the simulated self-test takes. */
  static final long SELF_TEST_MILLIS = 300;

  private final AirConditioner aircon;
  private final ScheduledExecutorService scheduler;
  // A Provider, because this class's own dispatcher is in the set: Dagger resolves it lazily.
  private final Provider<Set<RrpcDispatcher>> dispatchers;

  @Inject
  public DiagnosticsCommands(
      AirConditioner aircon,
      @Named("diagnostics") ScheduledExecutorService scheduler,
      Provider<Set<RrpcDispatcher>> dispatchers) {
    this.aircon = aircon;
    this.scheduler = scheduler;
    this.dispatchers = dispatchers;
  }

  /** {@code selfTest} → after a short check, {@code {"result":"pass","state":{...}}}. */
  @RrpcCommand("selfTest")
  public CompletionStage<JsonObject> selfTest() {
    CompletableFuture<JsonObject> result = new CompletableFuture<>();
    scheduler.schedule(() -> {
      JsonObject report = new JsonObject();
      report.addProperty("result", "pass");
      report.add("state", aircon.state().toJson());
      result.complete(report);
    }, SELF_TEST_MILLIS, TimeUnit.MILLISECONDS);
    return result;
  }

  /** Any other command → an {@code unknown_command} error reply that lists what the device supports. */
  @RrpcFallback
  public String unknown(RrpcRequest request) {
    Set<String> supported = new TreeSet<>();
    for (RrpcDispatcher dispatcher : dispatchers.get()) {
      supported.addAll(dispatcher.commands());
    }
    throw new RrpcException("unknown_command",
        "airConditioner1 has no command \"" + abbreviate(request.commandKey()) + "\"; supported: "
            + String.join(", ", supported));
  }

  /** The caller's key is echoed back, but never more than a line of it. */
  private static String abbreviate(String key) {
    return key.length() <= 40 ? key : key.substring(0, 40) + "...";
  }
}
