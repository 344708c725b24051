package io.rrpc.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's JSON result file ({@code -rf json}) into report keys such as {@code jmh.text.generated.ns}
 * (the median iteration), {@code .min}, {@code .max}, {@code .mean}, {@code .error} and {@code .bytes}.
 */
final class JmhResults {
  private JmhResults() {}

  static void read(Path json, Map<String, String> into) throws IOException {
    JsonArray runs = JsonParser.parseString(new String(Files.readAllBytes(json), StandardCharsets.UTF_8)).getAsJsonArray();
    for (JsonElement element : runs) {
      JsonObject run = element.getAsJsonObject();
      String benchmark = run.get("benchmark").getAsString();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String dispatcher = run.getAsJsonObject("params").get("dispatcher").getAsString();
      String prefix = "jmh." + method + "." + dispatcher;
      JsonObject primary = run.getAsJsonObject("primaryMetric");
      // The median of the measurement iterations: on a shared machine another process's burst inflates
      // an iteration or two several-fold, which drags JMH's mean and error far more than the median.
      List<Double> iterations = new ArrayList<>();
      for (JsonElement fork : primary.getAsJsonArray("rawData")) {
        for (JsonElement iteration : fork.getAsJsonArray()) {
          iterations.add(iteration.getAsDouble());
        }
      }
      Collections.sort(iterations);
      int n = iterations.size();
      double median = n % 2 == 1 ? iterations.get(n / 2) : (iterations.get(n / 2 - 1) + iterations.get(n / 2)) / 2;
      into.put(prefix + ".ns", format(median));
      into.put(prefix + ".min", format(iterations.get(0)));
      into.put(prefix + ".max", format(iterations.get(n - 1)));
      into.put(prefix + ".mean", format(primary.get("score").getAsDouble()));
      into.put(prefix + ".error", format(primary.get("scoreError").getAsDouble()));
      JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
      if (secondary != null) {
        for (Map.Entry<String, JsonElement> metric : secondary.entrySet()) {
          // "gc.alloc.rate.norm" (JMH 1.37), "·gc.alloc.rate.norm" before.
          if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
            into.put(prefix + ".bytes", format(metric.getValue().getAsJsonObject().get("score").getAsDouble()));
          }
        }
      }
      into.put("jmh.forks", run.get("forks").getAsString());
      into.put("jmh.warmup", run.get("warmupIterations").getAsString() + " × " + run.get("warmupTime").getAsString());
      into.put("jmh.measurement",
          run.get("measurementIterations").getAsString() + " × " + run.get("measurementTime").getAsString());
    }
  }

  private static String format(double value) {
    return String.format(java.util.Locale.ROOT, "%.3f", value);
  }
}
