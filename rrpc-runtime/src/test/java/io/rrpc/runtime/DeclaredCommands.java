package io.rrpc.runtime;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A dispatcher that only declares: its handler class, its command keys and whether it has a fallback.
 * Enough for what {@code build()} checks, which never dispatches; the broker-level tests in
 * rrpc-runtime-it run on dispatchers the processor generates.
 */
final class DeclaredCommands implements RrpcDispatcher {
  private final String handlerClass;
  private final List<String> commands;
  private final boolean hasFallback;

  private DeclaredCommands(String handlerClass, boolean hasFallback, String... commands) {
    this.handlerClass = handlerClass;
    this.commands = Collections.unmodifiableList(Arrays.asList(commands));
    this.hasFallback = hasFallback;
  }

  static DeclaredCommands of(String handlerClass, String... commands) {
    return new DeclaredCommands(handlerClass, false, commands);
  }

  static DeclaredCommands withFallback(String handlerClass, String... commands) {
    return new DeclaredCommands(handlerClass, true, commands);
  }

  @Override
  public List<String> commands() {
    return commands;
  }

  @Override
  public boolean hasFallback() {
    return hasFallback;
  }

  @Override
  public String handlerClass() {
    return handlerClass;
  }

  @Override
  public RrpcReply dispatch(RrpcRequest request) {
    throw new UnsupportedOperationException("declares only; build() never dispatches");
  }
}
