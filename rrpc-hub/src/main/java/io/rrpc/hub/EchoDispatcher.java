package io.rrpc.hub;

import io.rrpc.runtime.RrpcDispatcher;
import io.rrpc.runtime.RrpcReply;
import io.rrpc.runtime.RrpcRequest;
import java.util.Collections;
import java.util.List;

/** The load driver's device: {@code echo TEXT} replies TEXT. Written by hand: the hub ships no processor output. */
final class EchoDispatcher implements RrpcDispatcher {
  @Override
  public List<String> commands() {
    return Collections.singletonList("echo");
  }

  @Override
  public boolean hasFallback() {
    return false;
  }

  @Override
  public String handlerClass() {
    return "io.rrpc.hub.load.Echo";
  }

  @Override
  public RrpcReply dispatch(RrpcRequest request) {
    return request.commandKey().equals("echo") ? RrpcReply.of(request.argumentText()) : null;
  }
}
