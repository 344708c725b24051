package io.rrpc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.util.concurrent.TimeUnit.SECONDS;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.rrpc.processor.validation.HandlerClassValidator;
import io.rrpc.runtime.RrpcDispatcher;
import io.rrpc.runtime.RrpcReply;
import io.rrpc.runtime.RrpcRequest;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Classes the processor accepts whose generated code used to fail to compile: each compiles without
 * warnings, and its dispatcher answers as the handlers say.
 */
class AcceptedCodeCompilesTest {

  @Test
  void anAsyncReplyOfAPrivateTypeCompiles() throws Exception {
    JavaFileObject source = JavaFileObjects.forSourceLines("test.Commands",
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "import java.util.Collections;",
        "import java.util.List;",
        "import java.util.concurrent.CompletableFuture;",
        "import java.util.concurrent.CompletionStage;",
        "class Commands {",
        "  private static final class Status { final int level = 3; }",
        "  private static final class Name implements CharSequence {",
        "    public int length() { return 4; }",
        "    public char charAt(int i) { return \"cool\".charAt(i); }",
        "    public CharSequence subSequence(int from, int to) { return \"cool\".subSequence(from, to); }",
        "    @Override public String toString() { return \"cool\"; }",
        "  }",
        "  @RrpcCommand(\"status\") CompletableFuture<Status> status() {",
        "    return CompletableFuture.completedFuture(new Status());",
        "  }",
        "  @RrpcCommand(\"all\") CompletionStage<List<Status>> all() {",
        "    return CompletableFuture.completedFuture(Collections.singletonList(new Status()));",
        "  }",
        "  @RrpcCommand(\"name\") CompletionStage<? extends Name> name() {",
        "    return CompletableFuture.completedFuture(new Name());",
        "  }",
        "}");

    Compilation compilation = Compilers.strict("17").compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    RrpcDispatcher dispatcher = CompiledClassLoader.dispatcherOf(compilation, "test.Commands");
    assertThat(reply(dispatcher, "status")).isEqualTo("{\"level\":3}");
    assertThat(reply(dispatcher, "all")).isEqualTo("[{\"level\":3}]");
    assertThat(reply(dispatcher, "name")).isEqualTo("cool");
  }

  @Test
  void moreCommandsThanOneMethodCanHoldCompile() throws Exception {
    // Every kind of call, up to the most keys a class may have: one switch would outgrow 64 KB at
    // about a thousand of them.
    List<String> lines = new ArrayList<>(List.of(
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "import io.rrpc.annotations.RrpcFallback;",
        "import io.rrpc.annotations.RrpcParam;",
        "import io.rrpc.runtime.RrpcRequest;",
        "import java.util.List;",
        "import java.util.concurrent.CompletableFuture;",
        "class Commands {",
        "  enum Mode { COOL }",
        "  @RrpcFallback String other(RrpcRequest request) { return \"other \" + request.commandKey(); }"));
    int methods = HandlerClassValidator.MAX_COMMAND_KEYS / 2;
    for (int i = 0; i < methods; i++) {
      String keys = "@RrpcCommand({\"k" + (2 * i) + "\", \"k" + (2 * i + 1) + "\"})";
      lines.add(switch (i % 4) {
        case 0 -> "  " + keys + " String m" + i + "() { return \"m" + i + "\"; }";
        case 1 -> "  " + keys + " String m" + i + "(@RrpcParam(\"a\") int a, @RrpcParam(\"b\") String b,"
            + " @RrpcParam(\"c\") Mode c) { return \"m" + i + "\"; }";
        case 2 -> "  " + keys + " CompletableFuture<String> m" + i + "(@RrpcParam(\"d\") List<String> d) {"
            + " return CompletableFuture.completedFuture(\"m" + i + "\"); }";
        default -> "  " + keys + " static void m" + i + "(byte[] payload, String text) {}";
      });
    }
    lines.add("}");
    JavaFileObject source = JavaFileObjects.forSourceLines("test.Commands", lines);

    Compilation compilation = Compilers.strict("8").compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test/Commands_RrpcDispatcher")
        .contentsAsUtf8String().contains("dispatchPart1(request)");
    RrpcDispatcher dispatcher = CompiledClassLoader.dispatcherOf(compilation, "test.Commands");
    assertThat(dispatcher.commands()).hasSize(HandlerClassValidator.MAX_COMMAND_KEYS);
    assertThat(reply(dispatcher, "k0")).isEqualTo("m0");
    assertThat(reply(dispatcher, "k" + (methods + 1))).isEqualTo("m" + (methods + 1) / 2);
    int last = HandlerClassValidator.MAX_COMMAND_KEYS - 1;
    assertThat(reply(dispatcher, "k" + last)).isEqualTo("ok"); // a void method
    assertThat(reply(dispatcher, "k" + (last - 2))).isEqualTo("m" + (last - 2) / 2);
    assertThat(reply(dispatcher, "nothing")).isEqualTo("other nothing");
  }

  @Test
  void nonAsciiNamesSurviveAnyEncoding() throws Exception {
    // The source is ASCII, spelling the other characters as escapes; javac reads and writes files in
    // US-ASCII here, as it does with the default encoding of a POSIX locale.
    JavaFileObject source = JavaFileObjects.forSourceLines("test.Klima\u00e4Commands",
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "class Klima\\u00e4Commands {",
        "  @RrpcCommand(\"caf\\u00e9\") String cafe() { return \"caf\\u00e9\"; }",
        "  @RrpcCommand(\"\\ud83d\\ude00\") String smile() { return \"smile\"; }",
        "}");

    Compilation compilation = Compilers.strict("17", "-encoding", "US-ASCII").compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    String generated = compilation.generatedSourceFile("test/Klima\u00e4Commands_RrpcDispatcher")
        .orElseThrow().getCharContent(true).toString();
    assertThat(generated.chars().allMatch(c -> c < 0x80)).isTrue();
    RrpcDispatcher dispatcher = CompiledClassLoader.dispatcherOf(compilation, "test.Klima\u00e4Commands");
    assertThat(dispatcher.commands()).containsExactly("caf\u00e9", "\ud83d\ude00").inOrder();
    assertThat(dispatcher.handlerClass()).isEqualTo("test.Klima\u00e4Commands");
    assertThat(reply(dispatcher, "caf\u00e9")).isEqualTo("caf\u00e9");
    assertThat(reply(dispatcher, "\ud83d\ude00")).isEqualTo("smile");
  }

  private static String reply(RrpcDispatcher dispatcher, String key) throws Exception {
    RrpcReply reply = dispatcher.dispatch(RrpcRequest.of("1", key));
    return reply.isAsync() ? reply.pending().toCompletableFuture().get(10, SECONDS).text() : reply.text();
  }
}
