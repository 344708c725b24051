package io.rrpc.processor;

import com.google.testing.compile.Compilation;
import io.rrpc.runtime.RrpcDispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes of an in-memory compilation, on top of the test classpath. */
final class CompiledClassLoader extends ClassLoader {
  private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

  private final Map<String, byte[]> classes = new HashMap<>();

  CompiledClassLoader(Compilation compilation) {
    super(CompiledClassLoader.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      if (file.getKind() == JavaFileObject.Kind.CLASS && path.contains(CLASS_OUTPUT)) {
        String name = path.substring(path.indexOf(CLASS_OUTPUT) + CLASS_OUTPUT.length())
            .replace(".class", "")
            .replace('/', '.');
        classes.put(name, bytesOf(file));
      }
    }
  }

  /**
   * The generated dispatcher of a top-level class of the compilation, serving a new instance of the
   * class (made with its no-argument constructor, whatever its access).
   */
  static RrpcDispatcher dispatcherOf(Compilation compilation, String handlerClass)
      throws ReflectiveOperationException {
    ClassLoader loader = new CompiledClassLoader(compilation);
    Class<?> handler = loader.loadClass(handlerClass);
    Constructor<?> newHandler = handler.getDeclaredConstructor();
    newHandler.setAccessible(true);
    Constructor<?> newDispatcher =
        loader.loadClass(handlerClass + "_RrpcDispatcher").getDeclaredConstructor(handler);
    newDispatcher.setAccessible(true);
    return (RrpcDispatcher) newDispatcher.newInstance(newHandler.newInstance());
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  private static byte[] bytesOf(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
