package io.rrpc.runtime;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Written by hand the way the rrpc processor generates a dispatcher: a switch on the command key. */
final class AirconCommands_RrpcDispatcher implements RrpcDispatcher {
  private static final List<String> COMMANDS = Collections.unmodifiableList(Arrays.asList(
      "closed", "echo", "setTemperature", "status", "block", "later", "explode", "door", "nothing"));

  private final AirconCommands target;

  AirconCommands_RrpcDispatcher(AirconCommands target) {
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
    return "io.rrpc.runtime.AirconCommands";
  }

  @Override
  public RrpcReply dispatch(RrpcRequest request) throws Exception {
    switch (request.commandKey()) {
      case "closed":
        return RrpcReply.of(target.close());
      case "echo":
        return RrpcReply.of(target.echo(request.argumentText()));
      case "setTemperature":
        return RrpcReply.of(target.setTemperature(RrpcParams.requireInt(request, "celsius")));
      case "status":
        return RrpcReply.json(target.status());
      case "block":
        return RrpcReply.of(target.block());
      case "later":
        return RrpcReply.async(target.later(), value -> RrpcReply.of(value));
      case "explode":
        return RrpcReply.of(target.explode());
      case "door":
        return RrpcReply.of(target.door());
      case "nothing":
        target.nothing();
        return RrpcReply.ok();
      default:
        return null;
    }
  }
}
