package io.rrpc.bench.dispatch;

import io.rrpc.annotations.RrpcCommand;
import io.rrpc.annotations.RrpcParam;

/**
 * The command class every dispatcher in {@link DispatchBenchmark} calls: a text command ({@code closed})
 * and a JSON command with two parameters ({@code setClimate}). The handlers do next to nothing, so the
 * benchmark measures the dispatch around them.
 *
 * <p>It carries both rrpc's annotations (read at compile time by the processor, which writes {@code
 * BenchCommands_RrpcDispatcher}) and the reflective baseline's run-time annotations (read by {@link
 * ReflectiveDispatcher} when it is built).
 */
public final class BenchCommands {
  private boolean powered = true;
  private int celsius = 26;
  private String mode = "auto";

  /** {@code closed} → {@code ok}. */
  @RrpcCommand("closed")
  @ReflectiveCommand("closed")
  public String close() {
    powered = false;
    return "ok";
  }

  /** {@code {"method":"setClimate","params":{"celsius":24,"mode":"cool"}}} → {@code ok}. */
  @RrpcCommand("setClimate")
  @ReflectiveCommand("setClimate")
  public String setClimate(
      @RrpcParam("celsius") @ReflectiveParam("celsius") int celsius,
      @RrpcParam("mode") @ReflectiveParam("mode") String mode) {
    this.celsius = celsius;
    this.mode = mode;
    powered = true;
    return "ok";
  }

  /** The state the last command left, for the tests that check all dispatchers do the same thing. */
  String state() {
    return (powered ? "on" : "off") + " " + celsius + " " + mode;
  }
}
