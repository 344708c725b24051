package io.rrpc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.rrpc.processor.validation.ProcessorErrors;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per rule the processor enforces, named after the rule: each asserts the message with the
 * same constant or function the processor reports, and the line it lands on.
 */
class ProcessorErrorsTest {

  // ---- Command keys ----

  @Test
  void blankKey() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"\") void empty() {}",
        "  @RrpcCommand({\"ok\", \"  \"}) void blank() {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.BLANK_KEY)
        .inFile(source).onLineContaining("void empty()");
    assertThat(compilation).hadErrorContaining(ProcessorErrors.BLANK_KEY)
        .inFile(source).onLineContaining("void blank()");
  }

  @Test
  void keyWithWhitespace() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"set temperature\") void set() {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorContaining(ProcessorErrors.keyWithWhitespace("set temperature"))
        .inFile(source).onLineContaining("void set()");
    assertThat(ProcessorErrors.keyWithWhitespace("set temperature")).contains("\"set_temperature\"");
  }

  @Test
  void duplicateKey() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"closed\") void close() {}",
        "  @RrpcCommand({\"off\", \"closed\"}) void shutDown() {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.duplicateKey("closed", "close"))
        .inFile(source).onLineContaining("void shutDown()");
  }

  @Test
  void noKeys() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand({}) void nothing() {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorContaining(ProcessorErrors.NO_KEYS)
        .inFile(source).onLineContaining("void nothing()");
  }

  // ---- Handler methods ----

  @Test
  void privateMethod() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"closed\") private void close() {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorContaining(ProcessorErrors.PRIVATE_METHOD)
        .inFile(source).onLineContaining("private void close()");
  }

  @Test
  void genericMethod() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"get\") <T> T get() { return null; }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorContaining(ProcessorErrors.GENERIC_METHOD)
        .inFile(source).onLineContaining("<T> T get()");
  }

  @Test
  void commandAndFallback() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"closed\")",
        "  @RrpcFallback",
        "  String close() { return \"\"; }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorContaining(ProcessorErrors.COMMAND_AND_FALLBACK)
        .inFile(source).onLineContaining("@RrpcFallback");
  }

  @Test
  void duplicateFallback() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcFallback String first(RrpcRequest r) { return \"\"; }",
        "  @RrpcFallback String second(RrpcRequest r) { return \"\"; }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.duplicateFallback("first"))
        .inFile(source).onLineContaining("second(");
  }

  // ---- Where the method is declared ----

  @Test
  void notInClass() {
    JavaFileObject source = commands(
        "interface Commands {",
        "  @RrpcCommand(\"closed\") String close();",
        "  @RrpcFallback default String unknown() { return \"\"; }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.notInClass("test.Commands"))
        .inFile(source).onLineContaining("String close()");
    assertThat(compilation).hadErrorContaining(ProcessorErrors.notInClass("test.Commands"))
        .inFile(source).onLineContaining("String unknown()");
  }

  @Test
  void privateEnclosingClass() {
    JavaFileObject source = commands(
        "class Commands {",
        "  private static class Hidden {",
        "    static class Handler {",
        "      @RrpcCommand(\"closed\") void close() {}",
        "    }",
        "  }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation)
        .hadErrorContaining(ProcessorErrors.privateEnclosingClass("test.Commands.Hidden"))
        .inFile(source).onLineContaining("void close()");
  }

  @Test
  void innerClass() {
    JavaFileObject source = commands(
        "class Commands {",
        "  class Inner {",
        "    @RrpcCommand(\"closed\") void close() {}",
        "  }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorContaining(ProcessorErrors.innerClass("test.Commands.Inner"))
        .inFile(source).onLineContaining("void close()");
  }

  @Test
  void genericClass() {
    JavaFileObject source = commands(
        "class Commands<T> {",
        "  @RrpcCommand(\"closed\") void close() {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorContaining(ProcessorErrors.genericClass("test.Commands"))
        .inFile(source).onLineContaining("void close()");
  }

  // ---- Parameters ----

  @Test
  void unsupportedParameter() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"set\") void set(",
        "      int celsius,",
        "      CharSequence text) {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.unsupportedParameter("int"))
        .inFile(source).onLineContaining("int celsius");
    assertThat(compilation)
        .hadErrorContaining(ProcessorErrors.unsupportedParameter("java.lang.CharSequence"))
        .inFile(source).onLineContaining("CharSequence text");
  }

  @Test
  void emptyParamName() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"set\") void set(",
        "      @RrpcParam int celsius,",
        "      @RrpcParam(\"\") Integer fan) {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.emptyParamName("celsius"))
        .inFile(source).onLineContaining("int celsius");
    assertThat(compilation).hadErrorContaining(ProcessorErrors.emptyParamName("fan"))
        .inFile(source).onLineContaining("Integer fan");
  }

  @Test
  void duplicateParamName() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"set\") void set(",
        "      @RrpcParam(\"celsius\") int celsius,",
        "      @RrpcParam(\"celsius\") Integer alsoCelsius) {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.duplicateParamName("celsius", "celsius"))
        .inFile(source).onLineContaining("alsoCelsius");
  }

  @Test
  void paramOnRequest() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"set\") void set(@RrpcParam(\"request\") RrpcRequest request) {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorContaining(ProcessorErrors.PARAM_ON_REQUEST)
        .inFile(source).onLineContaining("RrpcRequest request");
  }

  @Test
  void paramWithoutHandler() {
    JavaFileObject source = commands(
        "class Commands {",
        "  Commands(@RrpcParam(\"a\") int a) {}",
        "  String set(@RrpcParam(\"celsius\") int celsius) { return \"\"; }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.PARAM_WITHOUT_HANDLER)
        .inFile(source).onLineContaining("int a");
    assertThat(compilation).hadErrorContaining(ProcessorErrors.PARAM_WITHOUT_HANDLER)
        .inFile(source).onLineContaining("int celsius");
  }

  @Test
  void inaccessibleParameterType() {
    JavaFileObject source = commands(
        "class Commands {",
        "  private enum Mode { COOL }",
        "  private static class Plan {}",
        "  @RrpcCommand(\"set\") void set(",
        "      @RrpcParam(\"mode\") Mode mode,",
        "      @RrpcParam(\"plans\") List<Plan> plans) {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(ProcessorErrors.inaccessibleParameterType("test.Commands.Mode", "test"))
        .inFile(source).onLineContaining("Mode mode");
    assertThat(compilation)
        .hadErrorContaining(
            ProcessorErrors.inaccessibleParameterType("java.util.List<test.Commands.Plan>", "test"))
        .inFile(source).onLineContaining("List<Plan> plans");
  }

  // ---- Return types ----

  @Test
  void rawCompletionStage() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @SuppressWarnings(\"rawtypes\")",
        "  @RrpcCommand(\"later\") CompletableFuture later() { return null; }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation)
        .hadErrorContaining(ProcessorErrors.rawCompletionStage("java.util.concurrent.CompletableFuture"))
        .inFile(source).onLineContaining("later()");
  }

  @Test
  void nestedCompletionStage() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"later\") CompletionStage<CompletableFuture<String>> later() { return null; }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation)
        .hadErrorContaining(ProcessorErrors.nestedCompletionStage(
            "java.util.concurrent.CompletionStage<java.util.concurrent.CompletableFuture<java.lang.String>>"))
        .inFile(source).onLineContaining("later()");
  }

  // ---- The compilation as a whole ----

  @Test
  void everyProblemOfAClassIsReportedAtOnce() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"a b\") private void first(int bad) {}",
        "  @RrpcCommand(\"\") <T> void second() {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(5);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.keyWithWhitespace("a b"));
    assertThat(compilation).hadErrorContaining(ProcessorErrors.PRIVATE_METHOD);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.unsupportedParameter("int"));
    assertThat(compilation).hadErrorContaining(ProcessorErrors.BLANK_KEY);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.GENERIC_METHOD);
  }

  @Test
  void oneClassErrorsDoNotStopTheOthers() {
    JavaFileObject bad = JavaFileObjects.forSourceLines("test.Bad",
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "class Bad {",
        "  @RrpcCommand(\"closed\") private void close() {}",
        "}");
    JavaFileObject good = JavaFileObjects.forSourceLines("test.Good",
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "class Good {",
        "  @RrpcCommand(\"closed\") void close() {}",
        "}");
    // Compiles only if Good's dispatcher was written despite Bad's error.
    JavaFileObject device = JavaFileObjects.forSourceLines("test.Device",
        "package test;",
        "class Device {",
        "  io.rrpc.runtime.RrpcDispatcher dispatcher = new Good_RrpcDispatcher(new Good());",
        "}");

    Compilation compilation = Compilers.rrpc().compile(bad, good, device);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.PRIVATE_METHOD).inFile(bad);
  }

  @Test
  void internalError() {
    JavaFileObject broken = JavaFileObjects.forSourceLines("test.Broken",
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "class Broken {",
        "  @RrpcCommand(\"a\") Object a() { return null; }",
        "}");
    JavaFileObject fine = JavaFileObjects.forSourceLines("test.Fine",
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "class Fine {",
        "  @RrpcCommand(\"b\") void b() {}",
        "}");
    // Compiles only if Fine's dispatcher was written despite the failure on Broken.
    JavaFileObject device = JavaFileObjects.forSourceLines("test.Device",
        "package test;",
        "class Device {",
        "  io.rrpc.runtime.RrpcDispatcher dispatcher = new Fine_RrpcDispatcher(new Fine());",
        "}");

    Compilation compilation = Compilers.rrpc()
        .withProcessors(new FaultyTypesProcessor())
        .compile(broken, fine, device);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(ProcessorErrors.internalError(
            "test.Broken", new IllegalStateException(FaultyTypesProcessor.FAULT)))
        .inFile(broken).onLineContaining("class Broken");
  }

  @Test
  void unresolvedTypes() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"set\") void set(@RrpcParam(\"plan\") Missing plan) {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation).hadErrorContaining(ProcessorErrors.unresolvedTypes("test.Commands"))
        .inFile(source).onLineContaining("class Commands");
  }

  @Test
  void invalidDaggerOption() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"closed\") void close() {}",
        "}");

    Compilation compilation = Compilers.rrpc().withOptions("-Arrpc.dagger=off").compile(source);

    assertThat(compilation).hadErrorContaining(ProcessorErrors.invalidDaggerOption("off"));
  }

  /** A source {@code test.Commands} with the imports every test needs, then the given lines. */
  private static JavaFileObject commands(String... lines) {
    List<String> all = new ArrayList<>(List.of(
        "package test;",
        "",
        "import io.rrpc.annotations.RrpcCommand;",
        "import io.rrpc.annotations.RrpcFallback;",
        "import io.rrpc.annotations.RrpcParam;",
        "import io.rrpc.runtime.RrpcRequest;",
        "import java.util.List;",
        "import java.util.concurrent.CompletableFuture;",
        "import java.util.concurrent.CompletionStage;",
        ""));
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines("test.Commands", all);
  }
}
