package io.rrpc.bench.dispatch;

import io.rrpc.runtime.RrpcDispatcher;
import io.rrpc.runtime.RrpcReply;
import io.rrpc.runtime.RrpcRequest;
import io.rrpc.runtime.internal.RrpcParams;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The floor: the {@code switch} a careful developer would write by hand, with the same request, params
 * and reply calls the generated dispatcher makes.
 */
final class HandWrittenDispatcher implements RrpcDispatcher {
  private static final List<String> COMMANDS = Collections.unmodifiableList(Arrays.asList("closed", "setClimate"));

  private final BenchCommands target;

  HandWrittenDispatcher(BenchCommands target) {
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
    return BenchCommands.class.getName();
  }

  @Override
  public RrpcReply dispatch(RrpcRequest request) {
    switch (request.commandKey()) {
      case "closed":
        return RrpcReply.of(target.close());
      case "setClimate":
        return RrpcReply.of(target.setClimate(
            RrpcParams.requireInt(request, "celsius"), RrpcParams.optionalString(request, "mode")));
      default:
        return null;
    }
  }
}
