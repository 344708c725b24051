package io.rrpc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.rrpc.processor.validation.HandlerClassValidator;
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
  void keyWithWhitespaceSuggestsAKeyWithoutAnyUnicodeSpace() {
    // U+2029 (paragraph separator), U+00A0 (no-break space) and U+3000 (ideographic space)
    String key = "\u3000set\u2029temperature\u00a0now ";
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"\\u3000set\\u2029temperature\\u00a0now \") void set() {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorContaining(ProcessorErrors.keyWithWhitespace(key))
        .inFile(source).onLineContaining("void set()");
    assertThat(ProcessorErrors.keyWithWhitespace(key)).endsWith("such as \"set_temperature_now\"");
  }

  @Test
  void keyRepeatedInOneMethod() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand({\"open\", \"on\", \"open\"}) void open() {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.keyRepeatedInOneMethod("open"))
        .inFile(source).onLineContaining("void open()");
  }

  @Test
  void keyWithLoneSurrogate() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"half\\ud83d\") void half() {}",
        "  @RrpcCommand(\"whole\\ud83d\\ude00\") void whole() {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.keyWithLoneSurrogate("half\\ud83d"))
        .inFile(source).onLineContaining("void half()");
  }

  @Test
  void tooManyCommands() {
    List<String> lines = new ArrayList<>(List.of("class Commands {"));
    for (int i = 0; i <= HandlerClassValidator.MAX_COMMAND_KEYS; i++) {
      lines.add("  @RrpcCommand(\"k" + i + "\") void k" + i + "() {}");
    }
    lines.add("}");
    JavaFileObject source = commands(lines.toArray(new String[0]));

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(ProcessorErrors.tooManyCommands(
            HandlerClassValidator.MAX_COMMAND_KEYS + 1, HandlerClassValidator.MAX_COMMAND_KEYS))
        .inFile(source).onLineContaining("class Commands");
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
  void undeclarableException() {
    JavaFileObject source = commands(
        "class Commands {",
        "  static class Fault extends Throwable {}",
        "  @RrpcCommand(\"a\") String a() throws Throwable { return \"\"; }",
        "  @RrpcCommand(\"b\") String b() throws Fault { return \"\"; }",
        "  @RrpcCommand(\"c\") String c() throws Exception, StackOverflowError { return \"\"; }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.undeclarableException("java.lang.Throwable"))
        .inFile(source).onLineContaining("String a()");
    assertThat(compilation).hadErrorContaining(ProcessorErrors.undeclarableException("test.Commands.Fault"))
        .inFile(source).onLineContaining("String b()");
  }

  @Test
  void suspendFunction() {
    // What kapt writes for `suspend fun status(): String`, against a stand-in for Kotlin's interface.
    JavaFileObject continuation = JavaFileObjects.forSourceLines("kotlin.coroutines.Continuation",
        "package kotlin.coroutines;",
        "public interface Continuation<T> {}");
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"status\")",
        "  public Object status(kotlin.coroutines.Continuation<? super String> completion) {",
        "    return \"ok\";",
        "  }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(continuation, source);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.SUSPEND_FUNCTION)
        .inFile(source).onLineContaining("public Object status(");
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
  void notInNamedClass() {
    JavaFileObject source = commands(
        "class Commands {",
        "  enum Mode {",
        "    COOL {",
        "      @RrpcCommand(\"cool\") String cool() { return \"\"; }",
        "    };",
        "  }",
        "  Object device() {",
        "    class Local {",
        "      @RrpcFallback String unknown(RrpcRequest r) { return \"\"; }",
        "      void set(@RrpcParam(\"inLocal\") int celsius) {}",
        "    }",
        "    java.util.function.IntConsumer set = (@RrpcParam(\"inLambda\") int celsius) -> {};",
        "    return new Object() {",
        "      @RrpcCommand(\"anonymous\") void anonymous() {}",
        "    };",
        "  }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(5);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.notInNamedClass("RrpcCommand"))
        .inFile(source).onLineContaining("@RrpcCommand(\"cool\")");
    assertThat(compilation).hadErrorContaining(ProcessorErrors.notInNamedClass("RrpcFallback"))
        .inFile(source).onLineContaining("@RrpcFallback");
    assertThat(compilation).hadErrorContaining(ProcessorErrors.notInNamedClass("RrpcParam"))
        .inFile(source).onLineContaining("inLocal");
    assertThat(compilation).hadErrorContaining(ProcessorErrors.notInNamedClass("RrpcParam"))
        .inFile(source).onLineContaining("inLambda");
    assertThat(compilation).hadErrorContaining(ProcessorErrors.notInNamedClass("RrpcCommand"))
        .inFile(source).onLineContaining("@RrpcCommand(\"anonymous\")");
  }

  @Test
  void generatedNameClash() {
    JavaFileObject nested = JavaFileObjects.forSourceLines("test.A",
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "class A {",
        "  static class B { @RrpcCommand(\"b\") void b() {} }",
        "}");
    JavaFileObject joined = JavaFileObjects.forSourceLines("test.A_B",
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "class A_B { @RrpcCommand(\"c\") void c() {} }");

    Compilation compilation = Compilers.rrpc().compile(nested, joined);

    String message =
        ProcessorErrors.generatedNameClash("test.A_B_RrpcDispatcher", "test.A.B", "test.A_B");
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(message).inFile(nested).onLineContaining("class B");
    assertThat(compilation).hadErrorContaining(message).inFile(joined).onLineContaining("class A_B");
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
  void optionalParameter() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"set\") void set(",
        "      @RrpcParam(\"mode\") java.util.Optional<String> mode,",
        "      @RrpcParam(\"fan\") java.util.OptionalInt fan) {}",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(ProcessorErrors.OPTIONAL_PARAMETER)
        .inFile(source).onLineContaining("Optional<String> mode");
    assertThat(compilation).hadErrorContaining(ProcessorErrors.OPTIONAL_PARAMETER)
        .inFile(source).onLineContaining("OptionalInt fan");
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

  @Test
  void optionalReturn() {
    JavaFileObject source = commands(
        "class Commands {",
        "  @RrpcCommand(\"now\") java.util.Optional<String> now() { return null; }",
        "  @RrpcCommand(\"later\") CompletionStage<java.util.OptionalLong> later() { return null; }",
        "}");

    Compilation compilation = Compilers.rrpc().compile(source);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(ProcessorErrors.optionalReturn("java.util.Optional<java.lang.String>"))
        .inFile(source).onLineContaining("now()");
    assertThat(compilation)
        .hadErrorContaining(ProcessorErrors.optionalReturn(
            "java.util.concurrent.CompletionStage<java.util.OptionalLong>"))
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
