package io.rrpc.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures one step of the run measured, as {@code key=value} lines in a file of the results
 * directory; {@link BenchmarksReport} reads them all back to write BENCHMARKS.md. Values are one line.
 */
public final class ResultFile {
  private final Map<String, String> values = new LinkedHashMap<>();

  /** Records a value (and echoes it, so the run's console shows progress). */
  public ResultFile put(String key, Object value) {
    String text = value instanceof Double || value instanceof Float
        ? String.format(Locale.ROOT, "%.3f", ((Number) value).doubleValue())
        : String.valueOf(value);
    if (text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a value must be one line: " + key);
    }
    values.put(key, text);
    System.out.println("  " + key + " = " + text);
    return this;
  }

  public void write(Path file) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      lines.add(e.getKey() + "=" + e.getValue());
    }
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code *.properties} file of the directory, merged. */
  public static Map<String, String> readAll(Path directory) throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    try (java.util.stream.Stream<Path> list = Files.list(directory)) {
      list.filter(p -> p.toString().endsWith(".properties")).sorted().forEach(files::add);
    }
    for (Path file : files) {
      all.putAll(read(file));
    }
    return all;
  }

  /** One {@code key=value} file. */
  public static Map<String, String> read(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return values;
  }
}
