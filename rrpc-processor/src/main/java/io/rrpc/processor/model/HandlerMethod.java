package io.rrpc.processor.model;

import java.util.List;

/**
 * One handler method: the command keys it answers, how to obtain each argument, and how to turn what
 * it returns into a reply.
 *
 * @param name the method's simple name
 * @param keys its command keys in declaration order; empty for the fallback
 * @param isStatic whether it is called on the class rather than on the target instance
 * @param arguments one per parameter, in order
 * @param reply how its return value becomes a reply
 */
public record HandlerMethod(
    String name, List<String> keys, boolean isStatic, List<Argument> arguments, Reply reply) {

  public HandlerMethod {
    keys = List.copyOf(keys);
    arguments = List.copyOf(arguments);
  }
}
