package io.rrpc.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All of a device's dispatchers merged into one lookup from command key to dispatcher, plus the one
 * fallback. Built once; conflicts fail the build naming both handler classes.
 */
final class DispatchTable {
  private final Map<String, RrpcDispatcher> byKey;
  private final RrpcDispatcher fallback;

  private DispatchTable(Map<String, RrpcDispatcher> byKey, RrpcDispatcher fallback) {
    this.byKey = byKey;
    this.fallback = fallback;
  }

  /**
   * @throws IllegalArgumentException when there is no dispatcher, when a command key is declared by
   *     two dispatchers, or when two have a fallback
   */
  static DispatchTable of(List<RrpcDispatcher> dispatchers) {
    if (dispatchers.isEmpty()) {
      throw new IllegalArgumentException("an RrpcDevice needs at least one dispatcher");
    }
    Map<String, RrpcDispatcher> byKey = new HashMap<>();
    RrpcDispatcher fallback = null;
    for (int i = 0; i < dispatchers.size(); i++) {
      RrpcDispatcher d = dispatchers.get(i);
      for (int j = 0; j < i; j++) {
        if (dispatchers.get(j) == d) {
          throw new IllegalArgumentException("dispatcher for " + d.handlerClass() + " was added twice");
        }
      }
      List<String> commands = d.commands();
      for (String key : commands) {
        if (key == null || key.isEmpty()) {
          throw new IllegalArgumentException(d.handlerClass() + " declares an empty command key");
        }
        RrpcDispatcher earlier = byKey.put(key, d);
        if (earlier != null) {
          throw new IllegalArgumentException("command \"" + key + "\" is declared by both "
              + earlier.handlerClass() + " and " + d.handlerClass());
        }
      }
      if (d.hasFallback()) {
        if (fallback != null) {
          throw new IllegalArgumentException("both " + fallback.handlerClass() + " and " + d.handlerClass()
              + " have an @RrpcFallback; a device may have only one");
        }
        fallback = d;
      }
    }
    return new DispatchTable(byKey, fallback);
  }

  /** The dispatcher for this key: the one declaring it, else the fallback, else {@code null}. */
  RrpcDispatcher forKey(String key) {
    RrpcDispatcher d = byKey.get(key);
    return d != null ? d : fallback;
  }
}
