package io.rrpc.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH's JSON becomes report keys; the time is the median iteration, so one disturbed iteration does not move it. */
class JmhResultsTest {

  @Test
  void medianIterationRangeAndAllocation(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("jmh.json");
    Files.write(json, ("[{\"benchmark\":\"io.rrpc.bench.dispatch.DispatchBenchmark.json\",\"forks\":1,"
        + "\"warmupIterations\":3,\"warmupTime\":\"1 s\",\"measurementIterations\":5,\"measurementTime\":\"1 s\","
        + "\"params\":{\"dispatcher\":\"generated\"},"
        + "\"primaryMetric\":{\"score\":1100.0,\"scoreError\":2000.0,\"rawData\":[[400.0,390.0,4000.0,410.0,300.0]]},"
        + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":3536.0}}}]").getBytes(StandardCharsets.UTF_8));
    Map<String, String> values = new HashMap<>();

    JmhResults.read(json, values);

    assertEquals("400.000", values.get("jmh.json.generated.ns"));
    assertEquals("300.000", values.get("jmh.json.generated.min"));
    assertEquals("4000.000", values.get("jmh.json.generated.max"));
    assertEquals("1100.000", values.get("jmh.json.generated.mean"));
    assertEquals("3536.000", values.get("jmh.json.generated.bytes"));
    assertEquals("5 × 1 s", values.get("jmh.measurement"));
  }
}
