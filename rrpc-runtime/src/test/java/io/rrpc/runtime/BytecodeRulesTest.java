package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's compiled classes: Java 8 class files, and no reflection, {@code Class.forName},
 * {@code ServiceLoader} or proxies in their constant pools (what {@code javap -c} would show).
 */
class BytecodeRulesTest {
  static final String[] FORBIDDEN = {"java/lang/reflect/", "java/util/ServiceLoader", "forName"};

  @Test
  void runtimeClassesAreJava8AndReflectionFree() throws IOException {
    Path classes = Paths.get("target", "classes");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
    }
    assertTrue(files.size() > 20, "found " + files.size() + " classes under " + classes.toAbsolutePath());
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      problems.addAll(problems(file));
    }
    assertEquals(new ArrayList<String>(), problems);
  }

  @Test
  void theScannerCatchesReflection() throws IOException {
    new Reflective().methods();
    Path reflective = Paths.get("target", "test-classes", "io", "rrpc", "runtime", "BytecodeRulesTest$Reflective.class");
    List<String> found = problems(reflective);
    assertTrue(found.contains("BytecodeRulesTest$Reflective.class references ()[Ljava/lang/reflect/Method;"), found.toString());
    assertTrue(found.contains("BytecodeRulesTest$Reflective.class references forName"), found.toString());
  }

  /** What the rule must catch. */
  static final class Reflective {
    int methods() throws IOException {
      try {
        return Class.forName("java.lang.Object").getDeclaredMethods().length;
      } catch (ClassNotFoundException e) {
        throw new IOException(e);
      }
    }
  }

  static List<String> problems(Path file) throws IOException {
    List<String> problems = new ArrayList<>();
    byte[] bytes = Files.readAllBytes(file);
    int major = ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
    if (major != 52) {
      problems.add(file.getFileName() + " is class file version " + major);
    }
    for (String utf8 : constantPoolStrings(bytes)) {
      for (String forbidden : FORBIDDEN) {
        if (utf8.contains(forbidden)) {
          problems.add(file.getFileName() + " references " + utf8);
        }
      }
    }
    return problems;
  }

  /** The UTF-8 entries of a class file's constant pool (class, member and descriptor names). */
  static List<String> constantPoolStrings(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile));
    in.skipBytes(8);
    int count = in.readUnsignedShort();
    List<String> out = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1:
          out.add(in.readUTF());
          break;
        case 7: case 8: case 16: case 19: case 20:
          in.skipBytes(2);
          break;
        case 15:
          in.skipBytes(3);
          break;
        case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
          in.skipBytes(4);
          break;
        case 5: case 6:
          in.skipBytes(8);
          i++;
          break;
        default:
          throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return out;
  }
}
