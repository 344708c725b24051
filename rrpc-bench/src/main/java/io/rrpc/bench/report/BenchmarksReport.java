package io.rrpc.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes BENCHMARKS.md from the template and the figures the run wrote into the results directory:
 * {@code BenchmarksReport <template> <resultsDir> <output> [<extra.properties>…]}, where the extra files
 * hold figures of longer runs kept in the repository (the fleet scaling of {@code ./bench/fleet}); a
 * missing extra file is skipped. Every number in the output comes from the
 * results; the template holds only the prose. A placeholder the run did not fill is an error, so a
 * half-finished run cannot produce a plausible-looking report.
 */
public final class BenchmarksReport {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_.]+)\\}\\}");

  private BenchmarksReport() {}

  public static void main(String[] args) throws IOException {
    Path template = Paths.get(args[0]);
    Path results = Paths.get(args[1]);
    Path output = Paths.get(args[2]);
    Map<String, String> values = ResultFile.readAll(results);
    for (int i = 3; i < args.length; i++) {
      Path extra = Paths.get(args[i]);
      if (Files.exists(extra)) {
        values.putAll(ResultFile.read(extra));
      }
    }
    Path jmh = results.resolve("jmh.json");
    if (Files.exists(jmh)) {
      JmhResults.read(jmh, values);
    }
    Tables tables = new Tables(values);
    String text = new String(Files.readAllBytes(template), StandardCharsets.UTF_8);
    StringBuffer rendered = new StringBuffer();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      String key = m.group(1);
      String value = key.startsWith("table.") ? tables.render(key.substring("table.".length())) : values.get(key);
      if (value == null) {
        throw new IllegalStateException("the run produced no value for {{" + key + "}}");
      }
      m.appendReplacement(rendered, Matcher.quoteReplacement(value));
    }
    m.appendTail(rendered);
    Files.write(output, rendered.toString().getBytes(StandardCharsets.UTF_8));
    System.out.println("wrote " + output);
  }

  static String number(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
