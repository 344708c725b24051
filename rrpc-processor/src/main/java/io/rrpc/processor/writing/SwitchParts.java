package io.rrpc.processor.writing;

import io.rrpc.processor.model.Argument;
import io.rrpc.processor.model.HandlerMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a class's commands into parts whose switch fits in one method: the JVM limits a method's
 * bytecode to 65,535 bytes, which a single switch outgrows at about a thousand commands. The estimate
 * is generous (real cases take about half) and the budget a quarter of the limit, so that a part never
 * comes near it. Almost every class fits in one part, and its dispatcher has a single switch.
 */
final class SwitchParts {
  private SwitchParts() {}

  /** The bytecode budget of one part. */
  static final int BUDGET = 16_000;

  // Estimated bytes: a key's entries in the hash switch, its equals() test and its case jump; a
  // call with its result conversion; one argument expression (an anonymous TypeToken is the largest).
  private static final int PER_KEY = 40;
  private static final int PER_CALL = 40;
  private static final int PER_ARGUMENT = 20;

  static List<List<HandlerMethod>> of(List<HandlerMethod> commands) {
    List<List<HandlerMethod>> parts = new ArrayList<>();
    List<HandlerMethod> part = new ArrayList<>();
    int size = 0;
    for (HandlerMethod command : commands) {
      int cost = cost(command);
      if (!part.isEmpty() && size + cost > BUDGET) {
        parts.add(part);
        part = new ArrayList<>();
        size = 0;
      }
      part.add(command);
      size += cost;
    }
    if (!part.isEmpty()) {
      parts.add(part);
    }
    return parts;
  }

  private static int cost(HandlerMethod command) {
    List<Argument> arguments = command.arguments();
    return PER_KEY * command.keys().size() + PER_CALL + PER_ARGUMENT * arguments.size();
  }
}
