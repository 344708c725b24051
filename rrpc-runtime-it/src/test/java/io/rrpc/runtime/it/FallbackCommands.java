package io.rrpc.runtime.it;

import io.rrpc.annotations.RrpcCommand;
import io.rrpc.annotations.RrpcFallback;
import io.rrpc.runtime.RrpcRequest;

/** A handler class with one command and an {@code @RrpcFallback} for every key nobody declared. */
final class FallbackCommands {

  @RrpcCommand("version")
  String version() {
    return "1.0";
  }

  @RrpcFallback
  String unknown(RrpcRequest request) {
    return "unsupported: " + request.commandKey();
  }
}
