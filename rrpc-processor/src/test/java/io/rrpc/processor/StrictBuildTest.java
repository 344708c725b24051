package io.rrpc.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.gson.Gson;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.rrpc.annotations.RrpcCommand;
import io.rrpc.runtime.RrpcRequest;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user build as strict as javac allows: {@code -Xlint:all -Werror}, with only
 * {@code -Xlint:-processing} taken back, at {@code --release 8} and {@code 17}.
 */
class StrictBuildTest {
  /** Deprecated types in another package, which javac 8 warns about where they are imported. */
  private static final JavaFileObject OLD_PLAN = JavaFileObjects.forSourceLines("other.OldPlan",
      "package other;",
      "@Deprecated public class OldPlan {",
      "  public int hour;",
      "  @Deprecated public enum Mode { COOL }",
      "  public static class Part { public int minute; }",
      "}");
  private static final JavaFileObject OLD_MODE = JavaFileObjects.forSourceLines("other.OldMode",
      "package other;",
      "@Deprecated public enum OldMode { COOL, HEAT }");
  private static final JavaFileObject COMMANDS = JavaFileObjects.forSourceLines("test.Commands",
      "package test;",
      "import io.rrpc.annotations.RrpcCommand;",
      "import io.rrpc.annotations.RrpcParam;",
      "import java.util.List;",
      "import java.util.concurrent.CompletableFuture;",
      "@SuppressWarnings(\"deprecation\") // the handlers' own uses; Java 8 also warns on imports",
      "public class Commands {",
      "  private static final class Status { int level; }",
      "  @RrpcCommand(\"set\") public String set(",
      "      @RrpcParam(\"plan\") other.OldPlan plan,",
      "      @RrpcParam(\"mode\") other.OldMode mode,",
      "      @RrpcParam(\"nested\") other.OldPlan.Mode nested,",
      "      @RrpcParam(\"part\") other.OldPlan.Part part,",
      "      @RrpcParam(\"plans\") List<other.OldPlan> plans) { return \"ok\"; }",
      "  @RrpcCommand(\"status\") CompletableFuture<Status> status() { return null; }",
      "}");

  /** Non-null annotations of another package, as JSpecify's (type use) and JetBrains' (declaration). */
  private static final JavaFileObject TYPE_USE_NON_NULL = JavaFileObjects.forSourceLines("nullness.NonNull",
      "package nullness;",
      "@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)",
      "public @interface NonNull {}");
  private static final JavaFileObject DECLARATION_NOT_NULL = JavaFileObjects.forSourceLines("nullness.NotNull",
      "package nullness;",
      "@java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)",
      "public @interface NotNull {}");
  private static final JavaFileObject NON_NULL_COMMANDS = JavaFileObjects.forSourceLines("test.NonNullCommands",
      "package test;",
      "import io.rrpc.annotations.RrpcCommand;",
      "import io.rrpc.annotations.RrpcParam;",
      "import java.util.List;",
      "import nullness.NonNull;",
      "import nullness.NotNull;",
      "public class NonNullCommands {",
      "  public enum Fan { LOW, HIGH }",
      "  public static class Plan { int hour; }",
      "  @RrpcCommand(\"set\") public String set(",
      "      @RrpcParam(\"name\") @NotNull String name,",
      "      @RrpcParam(\"fan\") @NonNull Fan fan,",
      "      @RrpcParam(\"plan\") NonNullCommands.@NonNull Plan plan,",
      "      @RrpcParam(\"hours\") @NonNull List<@NonNull Integer> hours,",
      "      @RrpcParam(\"levels\") int @NonNull [] levels) { return \"ok\"; }",
      "}");

  @Test
  void nonNullParametersCompileCleanlyForJava8() {
    Compilation compilation = Compilers.strict("8")
        .compile(TYPE_USE_NON_NULL, DECLARATION_NOT_NULL, NON_NULL_COMMANDS);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test/NonNullCommands_RrpcDispatcher").contentsAsUtf8String()
        .contains("RrpcParams.requirePresent(RrpcParams.optionalGson(request, \"levels\", "
            + "TypeToken.get(int[].class)), \"levels\")");
  }

  @Test
  void nonNullParametersCompileCleanlyForJava17() {
    Compilation compilation = Compilers.strict("17")
        .compile(TYPE_USE_NON_NULL, DECLARATION_NOT_NULL, NON_NULL_COMMANDS);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void deprecatedParameterTypesOfAnotherPackageCompileCleanlyForJava8() {
    Compilation compilation = Compilers.strict("8").compile(OLD_PLAN, OLD_MODE, COMMANDS);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void deprecatedParameterTypesOfAnotherPackageCompileCleanlyForJava17() {
    Compilation compilation = Compilers.strict("17").compile(OLD_PLAN, OLD_MODE, COMMANDS);

    assertThat(compilation).succeededWithoutWarnings();
  }

  /**
   * Why strict builds turn {@code processing} lint off. javac warns about every annotation in a round
   * that no processor claimed. rrpc claims none, so that a {@code "*"} processor still sees them (a
   * claim hides them from it); and claiming would not help: the generated code's {@code @Generated},
   * and Dagger's annotations on the modules, are claimed by no processor either.
   */
  @Test
  void allLintWithoutExceptionFailsOnlyOnTheUnclaimedAnnotationsWarning() {
    Compilation compilation = Compilers.rrpc()
        .withOptions("--release", "17", "-Xlint:all", "-Werror")
        .compile(OLD_PLAN, OLD_MODE, COMMANDS);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("warnings found and -Werror specified");
    assertThat(compilation.warnings()).isNotEmpty();
    for (Diagnostic<? extends JavaFileObject> warning : compilation.warnings()) {
      assertThat(warning.getMessage(Locale.ROOT)).contains("No processor claimed any of these annotations");
    }
  }

  @Test
  void packagePrivateHandlersInANamedModuleCompileCleanly(@TempDir Path dir) throws IOException {
    // On the module path, the jars are the automatic modules a user's module requires. The package
    // holding the command classes is exported, so -Xlint:exports checks what its public types expose.
    List<Path> modulePath = List.of(
        locationOf(RrpcCommand.class), locationOf(RrpcRequest.class), locationOf(Gson.class));
    write(dir.resolve("src/module-info.java"),
        "@SuppressWarnings(\"requires-automatic\")",
        "module test.device {",
        "  requires static " + moduleName(locationOf(RrpcCommand.class)) + ";",
        "  requires " + moduleName(locationOf(RrpcRequest.class)) + ";",
        "  exports test;",
        "}");
    write(dir.resolve("src/test/Commands.java"),
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "class Commands {",
        "  @RrpcCommand(\"closed\") String close() { return \"ok\"; }",
        "}");
    write(dir.resolve("src/test/Device.java"),
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "public final class Device {",
        "  private Device() {}",
        "  static class Lights { @RrpcCommand(\"dim\") public void dim() {} }",
        "  static Object lights() {",
        "    return new Device_Lights_RrpcDispatcher(new Lights());",
        "  }",
        "}");

    assertThat(compileModule(dir, modulePath)).isEmpty();
    assertThat(Files.exists(dir.resolve("classes/test/Commands_RrpcDispatcher.class"))).isTrue();
    assertThat(Files.exists(dir.resolve("classes/test/Device_Lights_RrpcDispatcher.class"))).isTrue();
    // Dagger is on the class path, which a named module cannot read: a Dagger module would not compile.
    assertThat(Files.exists(dir.resolve("classes/test/Commands_RrpcModule.class"))).isFalse();
  }

  @Test
  void aNamedModuleThatReadsDaggerGetsDaggerModules(@TempDir Path dir) throws IOException {
    List<Path> modulePath = List.of(
        locationOf(RrpcCommand.class), locationOf(RrpcRequest.class), locationOf(Gson.class),
        locationOf(dagger.Module.class));
    write(dir.resolve("src/module-info.java"),
        "@SuppressWarnings(\"requires-automatic\")",
        "module test.device {",
        "  requires static " + moduleName(locationOf(RrpcCommand.class)) + ";",
        "  requires " + moduleName(locationOf(RrpcRequest.class)) + ";",
        "  requires " + moduleName(locationOf(dagger.Module.class)) + ";",
        "}");
    write(dir.resolve("src/test/Commands.java"),
        "package test;",
        "import io.rrpc.annotations.RrpcCommand;",
        "class Commands {",
        "  @RrpcCommand(\"closed\") String close() { return \"ok\"; }",
        "}");

    assertThat(compileModule(dir, modulePath)).isEmpty();
    assertThat(Files.exists(dir.resolve("classes/test/Commands_RrpcModule.class"))).isTrue();
  }

  /**
   * Compiles {@code dir/src} (a module-info and its packages) strictly at release 17, with these jars
   * on the module path; the messages of every diagnostic.
   */
  private static List<String> compileModule(Path dir, List<Path> modulePath) throws IOException {
    List<String> options = new ArrayList<>(List.of("--release", "17"));
    options.addAll(Compilers.STRICT_LINT);
    options.addAll(List.of(
        "--module-path", modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
        "-d", Files.createDirectories(dir.resolve("classes")).toString(),
        "-s", Files.createDirectories(dir.resolve("generated")).toString()));
    List<Path> sources;
    try (Stream<Path> files = Files.walk(dir.resolve("src"))) {
      sources = files.filter(file -> file.toString().endsWith(".java")).toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(
          null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new RrpcProcessor()));
      boolean compiled = task.call();
      List<String> messages = diagnostics.getDiagnostics().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
      assertThat(compiled || !messages.isEmpty()).isTrue();
      return messages;
    }
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(lines));
  }

  /** The module name a jar has on the module path: its own, or the one derived from its file name. */
  private static String moduleName(Path jar) {
    return ModuleFinder.of(jar).findAll().stream()
        .map(ModuleReference::descriptor)
        .findFirst()
        .orElseThrow()
        .name();
  }

  private static Path locationOf(Class<?> type) {
    return Compilers.locationOf(type).toPath();
  }
}
