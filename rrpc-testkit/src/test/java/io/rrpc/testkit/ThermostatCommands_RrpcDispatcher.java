package io.rrpc.testkit;

import io.rrpc.runtime.RrpcDispatcher;
import io.rrpc.runtime.RrpcReply;
import io.rrpc.runtime.RrpcRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Written by hand the way the rrpc processor generates a dispatcher: a switch on the command key. */
final class ThermostatCommands_RrpcDispatcher implements RrpcDispatcher {
  private static final List<String> COMMANDS =
      Collections.unmodifiableList(Arrays.asList("closed", "echo", "slow", "hold"));

  private final ThermostatCommands target;

  ThermostatCommands_RrpcDispatcher(ThermostatCommands target) {
    this.target = target;
  }

  @Override
  public List<String> commands() {
    return COMMANDS;
  }

  @Override
  public boolean hasFallback() {
    return false;
  }

  @Override
  public String handlerClass() {
    return "io.rrpc.testkit.ThermostatCommands";
  }

  @Override
  public RrpcReply dispatch(RrpcRequest request) throws Exception {
    switch (request.commandKey()) {
      case "closed":
        return RrpcReply.of(target.close());
      case "echo":
        return RrpcReply.of(target.echo(request.argumentText()));
      case "slow":
        return RrpcReply.of(target.slow());
      case "hold":
        return RrpcReply.async(target.hold(request.argumentText()), RrpcReply::of);
      default:
        return null;
    }
  }
}
