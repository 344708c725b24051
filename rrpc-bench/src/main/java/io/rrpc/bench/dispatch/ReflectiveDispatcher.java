package io.rrpc.bench.dispatch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import io.rrpc.runtime.RrpcDispatcher;
import io.rrpc.runtime.RrpcException;
import io.rrpc.runtime.RrpcReply;
import io.rrpc.runtime.RrpcRequest;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline of the kind reflection-based frameworks use: at construction, scan the handler class for
 * annotated methods into a map from command key to {@link Method} (with each method's parameter names
 * and types, cached as such frameworks do, so reflection is not made slower than it need be); per
 * request, look the method up, bind each parameter from the JSON params with Gson's {@code
 * fromJson(element, parameterType)}, {@link Method#invoke}, and convert the result by its run-time type.
 *
 * <p>Bench code only: the runtime and generated code never reflect.
 */
final class ReflectiveDispatcher implements RrpcDispatcher {
  private final Object target;
  private final Map<String, Handler> methods = new HashMap<>();
  private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

  ReflectiveDispatcher(Object target) {
    this.target = target;
    for (Method m : target.getClass().getMethods()) {
      ReflectiveCommand command = m.getAnnotation(ReflectiveCommand.class);
      if (command == null) {
        continue;
      }
      Annotation[][] annotations = m.getParameterAnnotations();
      String[] names = new String[annotations.length];
      for (int i = 0; i < annotations.length; i++) {
        for (Annotation a : annotations[i]) {
          if (a instanceof ReflectiveParam) {
            names[i] = ((ReflectiveParam) a).value();
          }
        }
      }
      methods.put(command.value(), new Handler(m, names));
    }
  }

  @Override
  public List<String> commands() {
    return Collections.unmodifiableList(new ArrayList<>(methods.keySet()));
  }

  @Override
  public boolean hasFallback() {
    return false;
  }

  @Override
  public String handlerClass() {
    return target.getClass().getName();
  }

  @Override
  public RrpcReply dispatch(RrpcRequest request) throws Exception {
    Handler handler = methods.get(request.commandKey());
    if (handler == null) {
      return null;
    }
    Method method = handler.method;
    String[] names = handler.names;
    Type[] types = handler.types;
    Object[] args = new Object[names.length];
    JsonObject params = request.params();
    for (int i = 0; i < names.length; i++) {
      JsonElement value = params.get(names[i]);
      if (value == null || value.isJsonNull()) {
        if (handler.primitive[i]) {
          throw RrpcException.invalidParams("param \"" + names[i] + "\" is required");
        }
        continue;
      }
      try {
        args[i] = gson.fromJson(value, types[i]);
      } catch (JsonParseException | NumberFormatException e) {
        throw RrpcException.invalidParams("param \"" + names[i] + "\" must be a " + types[i].getTypeName());
      }
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cause instanceof Exception ? (Exception) cause : e;
    }
    if (result instanceof CharSequence) {
      return RrpcReply.of((CharSequence) result);
    }
    return handler.returnsVoid ? RrpcReply.ok() : RrpcReply.json(result);
  }

  /** A handler method and what binding its parameters needs, looked up once. */
  private static final class Handler {
    final Method method;
    final String[] names;
    final Type[] types;
    final boolean[] primitive;
    final boolean returnsVoid;

    Handler(Method method, String[] names) {
      this.method = method;
      this.names = names;
      this.types = method.getGenericParameterTypes();
      Class<?>[] classes = method.getParameterTypes();
      this.primitive = new boolean[classes.length];
      for (int i = 0; i < classes.length; i++) {
        primitive[i] = classes[i].isPrimitive();
      }
      this.returnsVoid = method.getReturnType() == void.class;
    }
  }
}
