package io.rrpc.runtime;

import java.util.List;

/**
 * A dispatch table for the RRPC commands of one handler class. The rrpc annotation processor writes
 * one implementation per class with {@code @RrpcCommand} methods, named {@code <Class>_RrpcDispatcher};
 * it calls the handler methods directly from a {@code switch} on {@link RrpcRequest#commandKey()}.
 *
 * <p>Implementations are stateless apart from their target instance and are safe to call from several
 * threads at once when the target is.
 */
public interface RrpcDispatcher {

  /** {@return the command keys this dispatcher answers, in declaration order; never empty for generated code} */
  List<String> commands();

  /** {@return whether this dispatcher has an {@code @RrpcFallback} method for commands nobody declared} */
  boolean hasFallback();

  /**
   * {@return the fully qualified name of the handler class} For messages: it survives code shrinking,
   * unlike {@code getClass().getName()}.
   */
  String handlerClass();

  /**
   * Calls the handler for the request's command key.
   *
   * @param request the request; its {@link RrpcRequest#commandKey()} selects the handler
   * @return the reply, possibly {@linkplain RrpcReply#isAsync() asynchronous}; or {@code null}
   *     when the
   *     key is not one of {@link #commands()} and this dispatcher has no fallback
   * @throws RrpcException when the request cannot be bound to the handler's parameters (for example
   *     {@code invalid_params}), or when the handler itself throws one to refuse the request
   * @throws Exception whatever else the handler throws
   */
  RrpcReply dispatch(RrpcRequest request) throws Exception;
}
