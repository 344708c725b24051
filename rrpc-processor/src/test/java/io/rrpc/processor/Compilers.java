package io.rrpc.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.gson.Gson;
import com.google.testing.compile.Compiler;
import io.rrpc.annotations.RrpcCommand;
import io.rrpc.runtime.RrpcRequest;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** The one way the tests compile: javac with the rrpc processor, on the test classpath. */
final class Compilers {
  private Compilers() {}

  /** javac at the test JVM's language level, with the rrpc processor and the test classpath (Dagger included). */
  static Compiler rrpc() {
    return javac().withProcessors(new RrpcProcessor());
  }

  /** As {@link #rrpc()}, compiling for Java 8 as device code is. */
  static Compiler rrpcRelease8() {
    return rrpc().withOptions("--release", "8");
  }

  /**
   * The lint flags docs/processor.md gives strict builds: every warning is an error, except javac's
   * "No processor claimed any of these annotations", which no build with annotation processors can
   * avoid (see StrictBuildTest).
   */
  static final List<String> STRICT_LINT = List.of("-Xlint:all", "-Xlint:-processing", "-Werror");

  /** As {@link #rrpc()}, for this release ("8", "17") with {@link #STRICT_LINT} and these options. */
  static Compiler strict(String release, String... options) {
    List<String> all = new ArrayList<>(List.of("--release", release));
    all.addAll(STRICT_LINT);
    all.addAll(List.of(options));
    return rrpc().withOptions(all);
  }

  /** As {@link #rrpc()}, with only the annotations, the runtime and Gson on the classpath: no Dagger. */
  static Compiler rrpcWithoutDagger() {
    return rrpc().withClasspath(List.of(
        locationOf(RrpcCommand.class), locationOf(RrpcRequest.class), locationOf(Gson.class)));
  }

  /** The jar or directory the class was loaded from. */
  static File locationOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
