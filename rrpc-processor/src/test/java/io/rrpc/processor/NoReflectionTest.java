package io.rrpc.processor;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.ISO_8859_1;

import io.rrpc.processor.fixtures.DeviceCommands_Diagnostics_RrpcDispatcher;
import io.rrpc.processor.fixtures.EveryKindCommands_RrpcDispatcher;
import io.rrpc.processor.fixtures.EveryKindCommands_RrpcModule;
import io.rrpc.processor.fixtures.ThermostatCommands_RrpcDispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compiled generated classes of the test fixtures refer to no reflective API: their constant
 * pools, where every class, method and string they use is named, contain none of these names.
 */
class NoReflectionTest {
  private static final List<String> REFLECTIVE_NAMES = List.of(
      "java/lang/reflect/", "forName", "java/util/ServiceLoader", "getDeclared", "getMethod",
      "getField", "newInstance", "setAccessible");

  @Test
  void generatedClassesUseNoReflection() throws IOException {
    List<Class<?>> generated = List.of(
        ThermostatCommands_RrpcDispatcher.class,
        EveryKindCommands_RrpcDispatcher.class,
        EveryKindCommands_RrpcModule.class,
        DeviceCommands_Diagnostics_RrpcDispatcher.class);
    int checked = 0;
    for (Class<?> type : generated) {
      for (byte[] classFile : classFilesOf(type)) {
        assertThat(reflectiveNamesIn(classFile)).isEmpty();
        checked++;
      }
    }
    // Three dispatchers, one module, and the two anonymous TypeToken<List<Integer>> of EveryKindCommands.
    assertThat(checked).isEqualTo(6);
  }

  @Test
  void theCheckFindsReflection() throws IOException {
    assertThat(reflectiveNamesIn(classFilesOf(Reflective.class).get(0)))
        .containsAtLeast("java/lang/reflect/", "forName", "getDeclared");
  }

  /** A positive control: what the check must flag. */
  static final class Reflective {
    Object call() throws Exception {
      java.lang.reflect.Method m = Class.forName("java.lang.String").getDeclaredMethod("length");
      return m.invoke("abc");
    }
  }

  private static List<String> reflectiveNamesIn(byte[] classFile) {
    // Constant-pool UTF-8 entries of these ASCII names appear verbatim in the class file.
    String text = new String(classFile, ISO_8859_1);
    return REFLECTIVE_NAMES.stream().filter(text::contains).toList();
  }

  /** The class file of the type and of its numbered anonymous classes ({@code X$1}, {@code X$2}, ...). */
  private static List<byte[]> classFilesOf(Class<?> type) throws IOException {
    List<byte[]> files = new ArrayList<>();
    String name = type.getName().substring(type.getName().lastIndexOf('.') + 1);
    files.add(read(type, name + ".class"));
    for (int i = 1; type.getResource(name + "$" + i + ".class") != null; i++) {
      files.add(read(type, name + "$" + i + ".class"));
    }
    return files;
  }

  private static byte[] read(Class<?> type, String resource) throws IOException {
    try (InputStream in = type.getResourceAsStream(resource)) {
      assertThat(in).isNotNull();
      return in.readAllBytes();
    }
  }
}
