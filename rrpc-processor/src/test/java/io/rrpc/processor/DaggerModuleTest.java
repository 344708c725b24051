package io.rrpc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dagger.internal.codegen.ComponentProcessor;
import io.rrpc.runtime.RrpcDispatcher;
import io.rrpc.runtime.RrpcRequest;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Dagger itself, run on a component that lists the generated modules of two command classes, gives
 * the device both dispatchers in its {@code Set<RrpcDispatcher>}.
 */
class DaggerModuleTest {
  private static final JavaFileObject AIRCON = JavaFileObjects.forSourceLines("test.Aircon",
      "package test;",
      "import io.rrpc.annotations.RrpcCommand;",
      "import javax.inject.Inject;",
      "public final class Aircon {",
      "  @Inject Aircon() {}",
      "  @RrpcCommand(\"closed\") public String close() { return \"aircon closed\"; }",
      "}");
  private static final JavaFileObject LIGHTS = JavaFileObjects.forSourceLines("test.Lights",
      "package test;",
      "import io.rrpc.annotations.RrpcCommand;",
      "import javax.inject.Inject;",
      "final class Lights {",
      "  @Inject Lights() {}",
      "  @RrpcCommand(\"dim\") String dim() { return \"lights dimmed\"; }",
      "}");
  private static final JavaFileObject DEVICE = JavaFileObjects.forSourceLines("test.Device",
      "package test;",
      "import io.rrpc.runtime.RrpcDispatcher;",
      "import java.util.Set;",
      "@dagger.Component(modules = {Aircon_RrpcModule.class, Lights_RrpcModule.class})",
      "public interface Device {",
      "  Set<RrpcDispatcher> dispatchers();",
      "}");

  @Test
  void aComponentCollectsEveryDispatcher() throws Exception {
    Compilation compilation = Compilers.rrpc()
        .withProcessors(new RrpcProcessor(), new ComponentProcessor())
        .withOptions("-Xlint:all,-processing")
        .compile(AIRCON, LIGHTS, DEVICE);
    assertThat(compilation).succeededWithoutWarnings();

    ClassLoader loader = new CompiledClassLoader(compilation);
    Object device = loader.loadClass("test.DaggerDevice").getMethod("create").invoke(null);
    @SuppressWarnings("unchecked")
    Set<RrpcDispatcher> dispatchers =
        (Set<RrpcDispatcher>) loader.loadClass("test.Device").getMethod("dispatchers").invoke(device);

    Map<String, String> replies = new TreeMap<>();
    for (RrpcDispatcher dispatcher : dispatchers) {
      String key = dispatcher.commands().get(0);
      replies.put(key, dispatcher.dispatch(RrpcRequest.of("1", key)).text());
    }
    assertThat(replies).containsExactly("closed", "aircon closed", "dim", "lights dimmed");
  }
}
