package io.rrpc.processor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;

/**
 * The rrpc processor, given a {@link Types} whose {@code directSupertypes} throws: a stand-in for a
 * bug in the processor, met only by handlers that return a class type.
 */
final class FaultyTypesProcessor extends AbstractProcessor {
  static final String FAULT = "injected fault";

  private final RrpcProcessor delegate = new RrpcProcessor();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Types faultyTypes = proxy(Types.class, env.getTypeUtils(), "directSupertypes");
    delegate.init(proxy(ProcessingEnvironment.class, env, "getTypeUtils", faultyTypes));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  /** A proxy that throws from {@code method}. */
  private static <T> T proxy(Class<T> type, T target, String method) {
    return proxy(type, target, method, null);
  }

  /** A proxy that answers {@code method} with {@code answer}, or throws if it is null. */
  private static <T> T proxy(Class<T> type, T target, String method, Object answer) {
    InvocationHandler handler = (self, called, args) -> {
      if (called.getName().equals(method)) {
        if (answer == null) {
          throw new IllegalStateException(FAULT);
        }
        return answer;
      }
      try {
        return called.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
