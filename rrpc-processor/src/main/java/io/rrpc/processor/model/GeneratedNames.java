package io.rrpc.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * Names of the generated classes: top-level classes in the handler's package, nested names joined
 * with {@code _} as AutoValue does ({@code Outer.Inner} gives {@code Outer_Inner_RrpcDispatcher}).
 */
public final class GeneratedNames {
  private GeneratedNames() {}

  public static ClassName dispatcherOf(ClassName handler) {
    return sibling(handler, "_RrpcDispatcher");
  }

  public static ClassName daggerModuleOf(ClassName handler) {
    return sibling(handler, "_RrpcModule");
  }

  private static ClassName sibling(ClassName handler, String suffix) {
    return ClassName.get(handler.packageName(), String.join("_", handler.simpleNames()) + suffix);
  }
}
