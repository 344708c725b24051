package io.rrpc.runtime;

import java.util.Collections;
import java.util.List;

/** A generated-style dispatcher whose class has one command and an {@code @RrpcFallback} method. */
final class FallbackCommands_RrpcDispatcher implements RrpcDispatcher {
  private final String handlerClass;

  FallbackCommands_RrpcDispatcher(String handlerClass) {
    this.handlerClass = handlerClass;
  }

  @Override
  public List<String> commands() {
    return Collections.singletonList("version");
  }

  @Override
  public boolean hasFallback() {
    return true;
  }

  @Override
  public String handlerClass() {
    return handlerClass;
  }

  @Override
  public RrpcReply dispatch(RrpcRequest request) {
    switch (request.commandKey()) {
      case "version":
        return RrpcReply.of("1.0");
      default:
        // @RrpcFallback String unknown(RrpcRequest request)
        return RrpcReply.of("unsupported: " + request.commandKey());
    }
  }
}
