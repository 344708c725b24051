package io.rrpc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/**
 * The generated sources of a representative class, compared with the reviewed files kept in
 * {@code src/test/resources/golden/}. A change to the generated code must change those files too.
 */
class GoldenSourceTest {
  private final Compilation compilation =
      Compilers.rrpc().compile(JavaFileObjects.forResource("golden/AirconCommands.java"));

  @Test
  void dispatcher() {
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("com/example/aircon/AirconCommands_RrpcDispatcher")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/AirconCommands_RrpcDispatcher.java"));
  }

  @Test
  void daggerModule() {
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("com/example/aircon/AirconCommands_RrpcModule")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/AirconCommands_RrpcModule.java"));
  }
}
