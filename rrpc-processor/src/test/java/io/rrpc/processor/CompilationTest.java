package io.rrpc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Compilations that must succeed, and what they generate. */
class CompilationTest {
  /** The project's own lint flags: processing lint would flag the annotations of generated code. */
  private static final String LINT = "-Xlint:all,-processing";

  private static final JavaFileObject CLEAN = JavaFileObjects.forSourceLines("test.Clean",
      "package test;",
      "",
      "import io.rrpc.annotations.RrpcCommand;",
      "import io.rrpc.annotations.RrpcParam;",
      "import java.util.List;",
      "import java.util.concurrent.CompletableFuture;",
      "",
      "public final class Clean {",
      "  @RrpcCommand({\"closed\", \"off\"}) public String close() { return \"ok\"; }",
      "  @RrpcCommand(\"set\") void set(@RrpcParam(\"celsius\") int c, @RrpcParam(\"plan\") List<String> p) {}",
      "  @RrpcCommand(\"later\") CompletableFuture<Void> later() { return null; }",
      "  @RrpcCommand(\"version\") static String version() { return \"1\"; }",
      "}");

  @Test
  void aCleanClassCompilesWithoutWarnings() {
    Compilation compilation = Compilers.rrpc().withOptions(LINT).compile(CLEAN);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test/Clean_RrpcDispatcher");
    assertThat(compilation).generatedSourceFile("test/Clean_RrpcModule");
  }

  @Test
  void everyParameterAndReturnKindCompilesForJava8() throws IOException {
    Compilation compilation = Compilers.rrpcRelease8().withOptions("--release", "8", LINT)
        .compile(everyKindCommandsAsRelease8Source());

    assertThat(compilation).succeededWithoutWarnings();
    // Java 8 has only the old marker.
    assertThat(compilation).generatedSourceFile("release8/EveryKindCommands_RrpcDispatcher")
        .contentsAsUtf8String().contains("import javax.annotation.Generated;");
  }

  @Test
  void aParamAnnotatedNonNullIsWrappedInRequirePresent() throws IOException {
    Compilation compilation = Compilers.rrpcRelease8().withOptions("--release", "8", LINT)
        .compile(everyKindCommandsAsRelease8Source());

    // The annotations select the binding and stay out of the generated code.
    assertThat(compilation).generatedSourceFile("release8/EveryKindCommands_RrpcDispatcher")
        .contentsAsUtf8String().contains(
            "RrpcParams.requirePresent(RrpcParams.optionalString(request, \"name\"), \"name\")");
    assertThat(compilation).generatedSourceFile("release8/EveryKindCommands_RrpcDispatcher")
        .contentsAsUtf8String().contains("RrpcParams.requirePresent(RrpcParams.optionalGson(request, "
            + "\"schedule\", TypeToken.get(EveryKindCommands.Schedule.class)), \"schedule\")");
    assertThat(compilation).generatedSourceFile("release8/EveryKindCommands_RrpcDispatcher")
        .contentsAsUtf8String().contains("target.string(RrpcParams.optionalString(request, \"name\"))");
  }

  @Test
  void laterReleasesGetTheProcessingGeneratedMarker() {
    Compilation compilation = Compilers.rrpc().compile(CLEAN);

    assertThat(compilation).generatedSourceFile("test/Clean_RrpcDispatcher")
        .contentsAsUtf8String().contains("import javax.annotation.processing.Generated;");
  }

  @Test
  void noGeneratedMarkerWhereNoneExists() {
    // -source 8 on a JDK without javax.annotation.Generated, and not --release 8: neither marker exists.
    Compilation compilation = Compilers.rrpc().withOptions("-source", "8", "-target", "8").compile(CLEAN);

    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test/Clean_RrpcDispatcher")
        .contentsAsUtf8String().doesNotContain("@Generated");
  }

  @Test
  void noDaggerModuleWithoutDaggerOnTheClasspath() {
    Compilation compilation = Compilers.rrpcWithoutDagger().withOptions(LINT).compile(CLEAN);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedNames(compilation)).containsExactly("Clean_RrpcDispatcher.java");
  }

  @Test
  void noDaggerModuleWhenDisabled() {
    Compilation compilation = Compilers.rrpc().withOptions("-Arrpc.dagger=disabled").compile(CLEAN);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedNames(compilation)).containsExactly("Clean_RrpcDispatcher.java");
  }

  @Test
  void deprecatedHandlersCompileWithoutWarnings() {
    JavaFileObject source = JavaFileObjects.forSourceLines("test.Old",
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "import io.rrpc.annotations.RrpcParam;",
        "@Deprecated",
        "public class Old {",
        "  @Deprecated public static class Plan {}",
        "  @Deprecated @RrpcCommand(\"closed\") public String close(@RrpcParam(\"p\") Plan p) { return \"\"; }",
        "}");

    assertThat(Compilers.rrpc().withOptions(LINT).compile(source)).succeededWithoutWarnings();
    assertThat(Compilers.rrpc().withOptions("--release", "8", LINT).compile(source))
        .succeededWithoutWarnings();
  }

  @Test
  void aFallbackOnlyClassCompilesWithoutWarnings() {
    JavaFileObject source = JavaFileObjects.forSourceLines("test.Catchall",
        "package test;",
        "import io.rrpc.annotations.RrpcFallback;",
        "import io.rrpc.runtime.RrpcRequest;",
        "class Catchall {",
        "  @RrpcFallback String any(RrpcRequest request) { return request.commandKey(); }",
        "}");

    Compilation compilation = Compilers.rrpc().withOptions(LINT).compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test/Catchall_RrpcDispatcher")
        .contentsAsUtf8String().contains("Collections.emptyList()");
  }

  @Test
  void enumsRecordsAndClassesInInterfacesMayHoldCommands() {
    JavaFileObject source = JavaFileObjects.forSourceLines("test.Kinds",
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "public interface Kinds {",
        "  enum Singleton { INSTANCE; @RrpcCommand(\"a\") String a() { return \"\"; } }",
        "  record Settings(int level) { @RrpcCommand(\"b\") int b() { return level; } }",
        "  class Nested { @RrpcCommand(\"c\") void c() {} }",
        "}");

    Compilation compilation = Compilers.rrpc().withOptions(LINT).compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test/Kinds_Singleton_RrpcDispatcher");
    assertThat(compilation).generatedSourceFile("test/Kinds_Settings_RrpcDispatcher");
    assertThat(compilation).generatedSourceFile("test/Kinds_Nested_RrpcDispatcher");
  }

  @Test
  void namesThatClashWithGeneratedImportsStillCompile() {
    // The handler is called Objects and a parameter type List, both of which the dispatcher also uses
    // from java.util.
    JavaFileObject list = JavaFileObjects.forSourceLines("test.List",
        "package test;",
        "public class List { public int size; }");
    JavaFileObject objects = JavaFileObjects.forSourceLines("test.Objects",
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "import io.rrpc.annotations.RrpcParam;",
        "public class Objects {",
        "  @RrpcCommand(\"a\") int a(@RrpcParam(\"l\") List l) { return l.size; }",
        "  @RrpcCommand(\"b\") io.rrpc.runtime.RrpcReply b() { return null; }",
        "}");

    assertThat(Compilers.rrpc().withOptions(LINT).compile(list, objects)).succeededWithoutWarnings();
  }

  @Test
  void aClassInTheUnnamedPackage() {
    JavaFileObject source = JavaFileObjects.forSourceLines("Bare",
        "import io.rrpc.annotations.RrpcCommand;",
        "class Bare { @RrpcCommand(\"a\") void a() {} }");

    Compilation compilation = Compilers.rrpc().withOptions(LINT).compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("Bare_RrpcDispatcher");
  }

  @Test
  void typesGeneratedInALaterRoundAreWaitedFor() {
    JavaFileObject source = JavaFileObjects.forSourceLines("test.Scheduler",
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "import io.rrpc.annotations.RrpcParam;",
        "class Scheduler {",
        "  @RrpcCommand(\"plan\") int plan(@RrpcParam(\"plan\") Plan plan) { return plan.hour; }",
        "}");

    Compilation compilation = Compilers.rrpc()
        .withProcessors(new RrpcProcessor(), new PlanGenerator())
        .withOptions(LINT)
        .compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test/Scheduler_RrpcDispatcher")
        .contentsAsUtf8String().contains("TypeToken.get(Plan.class)");
  }

  @Test
  void theProcessorIsRegisteredAndIsolating() throws IOException {
    assertThat(resource("META-INF/services/javax.annotation.processing.Processor"))
        .contains("io.rrpc.processor.RrpcProcessor");
    assertThat(resource("META-INF/gradle/incremental.annotation.processors").strip())
        .isEqualTo("io.rrpc.processor.RrpcProcessor,isolating");
    assertThat(new RrpcProcessor().getSupportedOptions()).containsExactly("rrpc.dagger");
  }

  /** The fixture the runtime tests use, moved to its own package so that nothing on the classpath shadows it. */
  private static JavaFileObject everyKindCommandsAsRelease8Source() throws IOException {
    Path file = Path.of(System.getProperty("basedir", "."),
        "src/test/java/io/rrpc/processor/fixtures/EveryKindCommands.java");
    String source = Files.readString(file)
        .replace("package io.rrpc.processor.fixtures;", "package release8;");
    return JavaFileObjects.forSourceString("release8.EveryKindCommands", source);
  }

  private static List<String> generatedNames(Compilation compilation) {
    return compilation.generatedSourceFiles().stream()
        .map(file -> Path.of(file.toUri().getPath()).getFileName().toString())
        .toList();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RrpcProcessor.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
