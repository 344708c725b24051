package io.rrpc.bench.shrink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Reads ProGuard's {@code -printmapping} file: which entries of the shrunk jar came from which classes. */
final class ShrunkNames {
  private ShrunkNames() {}

  /**
   * The jar entry names ({@code a/b/C.class}) of the shrunk classes whose original name starts with
   * {@code originalPrefix}. Class lines look like {@code io.rrpc.runtime.Exchange -> io.rrpc.b.a:};
   * member lines are indented.
   */
  static Set<String> classesFrom(Path mapping, String originalPrefix) throws IOException {
    Set<String> entries = new HashSet<>();
    for (String line : Files.readAllLines(mapping, StandardCharsets.UTF_8)) {
      if (line.startsWith(" ") || !line.endsWith(":")) {
        continue;
      }
      int arrow = line.indexOf(" -> ");
      if (arrow > 0 && line.startsWith(originalPrefix)) {
        String shrunk = line.substring(arrow + 4, line.length() - 1);
        entries.add(shrunk.replace('.', '/') + ".class");
      }
    }
    return entries;
  }
}
