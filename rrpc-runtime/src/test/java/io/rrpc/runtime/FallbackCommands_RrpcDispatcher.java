package io.rrpc.runtime;

import java.util.Collections;
import java.util.List;

/** A generated-style dispatcher whose class has one command and an {@code @RrpcFallback} method. */
final class FallbackCommands_RrpcDispatcher implements RrpcDispatcher {
  private final String handlerClass;
  private final String command;

  FallbackCommands_RrpcDispatcher(String handlerClass) {
    this(handlerClass, "version");
  }

  FallbackCommands_RrpcDispatcher(String handlerClass, String command) {
    this.handlerClass = handlerClass;
    this.command = command;
  }

  @Override
  public List<String> commands() {
    return Collections.singletonList(command);
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
    String key = request.commandKey();
    if (key.equals(command)) {
      return RrpcReply.of("1.0");
    }
    // @RrpcFallback String unknown(RrpcRequest request)
    return RrpcReply.of("unsupported: " + key);
  }
}
