package io.rrpc.bench.report;

import static io.rrpc.bench.report.BenchmarksReport.number;

import java.util.Map;

/** The Markdown tables of BENCHMARKS.md, each built from the run's figures only. */
final class Tables {
  private static final String[] DISPATCHERS = {"generated", "handWritten", "reflective"};
  private static final String[] DEVICES = {"framework", "raw"};

  private final Map<String, String> v;

  Tables(Map<String, String> values) {
    this.v = values;
  }

  String render(String name) {
    switch (name) {
      case "jmh":
        return jmh();
      case "e2e":
        return e2e();
      case "e2eRounds":
        return e2eRounds();
      case "targets":
        return targets();
      case "sizes":
        return sizes();
      case "heap":
        return heap();
      case "startup":
        return startup();
      case "shrink":
        return shrink();
      case "fleet":
        return fleet("fleet");
      case "scaling":
        return v.containsKey("scaling.runs") ? fleet("scaling") : "(no `./bench/fleet` run recorded in bench/fleet-scaling.properties)";
      case "fleetTargets":
        return fleetTargets();
      case "storm":
        return storm();
      default:
        throw new IllegalStateException("no table named " + name);
    }
  }

  private String jmh() {
    StringBuilder t = new StringBuilder();
    t.append("| dispatcher | `closed` ns/op (range) | `closed` B/op | JSON ns/op (range) | JSON B/op | ÷ hand-written (`closed` / JSON) |\n");
    t.append("|---|---:|---:|---:|---:|---:|\n");
    for (String d : DISPATCHERS) {
      t.append("| ").append(label(d))
          .append(" | ").append(nsCell("jmh.text." + d))
          .append(" | ").append(number(d("jmh.text." + d + ".bytes"), 0))
          .append(" | ").append(nsCell("jmh.json." + d))
          .append(" | ").append(number(d("jmh.json." + d + ".bytes"), 0))
          .append(" | ").append(number(ratio("jmh.text." + d + ".ns", "jmh.text.handWritten.ns"), 2)).append(" / ")
          .append(number(ratio("jmh.json." + d + ".ns", "jmh.json.handWritten.ns"), 2)).append(" |\n");
    }
    return t.toString().trim();
  }

  private String e2e() {
    StringBuilder t = new StringBuilder();
    t.append("| broker | device | sequential p50 µs | p99 µs | p99.9 µs | throughput req/s (").append(v.get("e2e.inFlight"))
        .append(" in flight) | p50 / p99 µs under that load | device CPU µs/request | device GCs (ms) |\n");
    t.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String broker : v.get("e2e.brokers").split(",")) {
      String b = "e2e." + broker + ".";
      for (String device : DEVICES) {
        String p = b + device + ".";
        t.append("| ").append(broker).append(" | ").append(label(device))
            .append(" | ").append(number(d(p + "p50"), 0))
            .append(" | ").append(number(d(p + "p99"), 0))
            .append(" | ").append(number(d(p + "p999"), 0))
            .append(" | ").append(number(d(p + "throughput"), 0))
            .append(" | ").append(number(d(p + "loadedP50"), 0)).append(" / ").append(number(d(p + "loadedP99"), 0))
            .append(" | ").append(number(d(p + "cpuPerRequest"), 1))
            .append(" | ").append(v.get(p + "gcs")).append(" (").append(number(d(p + "gcMillis"), 0)).append(")")
            .append(" |\n");
      }
      t.append("| ").append(broker).append(" | **framework ÷ raw**")
          .append(" | **").append(number(d(b + "ratio.p50"), 2))
          .append("** | **").append(number(d(b + "ratio.p99"), 2))
          .append("** | **").append(number(d(b + "ratio.p999"), 2))
          .append("** | **").append(number(d(b + "ratio.throughput"), 2))
          .append("** | ").append(number(ratio(b + "framework.loadedP50", b + "raw.loadedP50"), 2)).append(" / ")
          .append(number(ratio(b + "framework.loadedP99", b + "raw.loadedP99"), 2))
          .append(" | **").append(number(d(b + "ratio.cpuPerRequest"), 2)).append("** | |\n");
    }
    return t.toString().trim();
  }

  private String e2eRounds() {
    StringBuilder t = new StringBuilder();
    t.append("| broker | round | framework (aircon) | raw Paho |\n|---|---:|---|---|\n");
    int rounds = (int) l("e2e.rounds");
    for (String broker : v.get("e2e.brokers").split(",")) {
      for (int r = 1; r <= rounds; r++) {
        String p = "e2e." + broker + ".";
        t.append("| ").append(broker).append(" | ").append(r).append(r % 2 == 1 ? " (framework first)" : " (raw first)")
            .append(" | ").append(v.get(p + "framework.round" + r)).append(" | ").append(v.get(p + "raw.round" + r)).append(" |\n");
      }
    }
    return t.toString().trim();
  }

  private String targets() {
    StringBuilder t = new StringBuilder();
    t.append("| target | measured | met |\n|---|---|---|\n");
    double textRatio = ratio("jmh.text.generated.ns", "jmh.text.handWritten.ns");
    double jsonRatio = ratio("jmh.json.generated.ns", "jmh.json.handWritten.ns");
    row(t, "generated dispatch within 1.2× the hand-written switch",
        number(textRatio, 2) + "× (`closed`), " + number(jsonRatio, 2) + "× (JSON)", Math.max(textRatio, jsonRatio) <= 1.2);
    double textRefl = ratio("jmh.text.generated.ns", "jmh.text.reflective.ns");
    double jsonRefl = ratio("jmh.json.generated.ns", "jmh.json.reflective.ns");
    row(t, "generated dispatch faster than reflection",
        number(textRefl, 2) + "× (`closed`), " + number(jsonRefl, 2) + "× (JSON) the reflective time",
        textRefl < 1 && jsonRefl < 1);
    for (String broker : v.get("e2e.brokers").split(",")) {
      double thr = d("e2e." + broker + ".ratio.throughput");
      row(t, "throughput ≥ 0.9× the raw Paho device (" + broker + ")", number(thr, 2) + "×", thr >= 0.9);
      double p99 = d("e2e." + broker + ".ratio.p99");
      row(t, "p99 latency ≤ 1.2× the raw Paho device (" + broker + ")", number(p99, 2) + "×", p99 <= 1.2);
    }
    long runtime = l("size.runtime");
    row(t, "`rrpc-runtime` jar under 60 KB", kib(runtime) + "; " + kib(l("shrink.runtimeInShrunkJar.bytes"))
        + " of it left in the ProGuard-shrunk device", runtime < 60 * 1000);
    int xmx = (int) l("heap.framework.smallestXmxMib");
    row(t, "aircon device serves " + number(d("heap.requests"), 0) + " requests in `-Xmx4m` (issue 14; was 16 MiB)",
        "smallest passing `-Xmx" + xmx + "m` (raw Paho: `-Xmx" + v.get("heap.raw.smallestXmxMib") + "m`)", xmx <= 4);
    double startup = d("startup.ratio");
    row(t, "start-up to \"subscribed\" ≤ 1.1× raw Paho", number(startup, 2) + "× (median "
        + number(d("startup.framework.medianMillis"), 0) + " ms vs " + number(d("startup.raw.medianMillis"), 0) + " ms)",
        startup <= 1.1);
    String fleetId = v.get("fleet.runs").split(",")[0];
    String framework = "fleet." + fleetId.replace("raw", "framework") + ".platformThreadsPerDevice";
    String raw = "fleet." + fleetId.replace("framework", "raw") + ".platformThreadsPerDevice";
    row(t, "threads: Paho's own plus at most one", number(d(framework), 1) + " per device vs raw Paho's "
        + number(d(raw), 1) + " (" + number(d("fleet." + fleetId + ".devices"), 0) + "-device fleet, settled)",
        d(framework) <= d(raw) + 1);
    row(t, "shrunk aircon device answers every command", v.get("shrink.embedded.passed") + "/" + v.get("shrink.commands")
        + " on each of " + v.get("shrink.brokers"), Boolean.parseBoolean(v.get("shrink.allPassed")));
    return t.toString().trim();
  }

  private String sizes() {
    StringBuilder t = new StringBuilder();
    t.append("| what | size |\n|---|---:|\n");
    sizeRow(t, "`rrpc-runtime` jar", "size.runtime");
    sizeRow(t, "Paho mqttv3 jar", "size.paho");
    sizeRow(t, "Gson jar", "size.gson");
    sizeRow(t, "generated dispatchers of the aircon device (3 classes)", "size.generatedDispatchers");
    sizeRow(t, "**what every device ships: runtime + Paho + Gson + generated dispatchers**", "size.mustShip");
    sizeRow(t, "generated Dagger modules (only with Dagger)", "size.generatedModules");
    sizeRow(t, "Dagger runtime jar (only with Dagger)", "size.dagger");
    sizeRow(t, "aircon application classes (hand-written)", "size.airconClasses");
    t.append("| the whole aircon device as one jar (`device.jar`, ").append(v.get("shrink.deviceJar.classes"))
        .append(" classes) | ").append(kib(l("shrink.deviceJar.bytes"))).append(" |\n");
    t.append("| **the same, ProGuard-shrunk** (`device-shrunk.jar`, ").append(v.get("shrink.shrunkJar.classes"))
        .append(" classes) | **").append(kib(l("shrink.shrunkJar.bytes"))).append("** |\n");
    sizeRow(t, "the runtime's classes inside `device.jar` (compressed)", "shrink.runtimeInDeviceJar.bytes");
    sizeRow(t, "**the runtime's classes inside `device-shrunk.jar`** (compressed)", "shrink.runtimeInShrunkJar.bytes");
    return t.toString().trim();
  }

  private String heap() {
    StringBuilder t = new StringBuilder();
    t.append("| device | smallest passing `-Xmx` | req/s there (at -Xmx64m) | GC share of the run | peak RSS | bisection (`-Xmx`: outcome) |\n");
    t.append("|---|---:|---:|---:|---:|---|\n");
    for (String device : DEVICES) {
      String p = "heap." + device + ".";
      t.append("| ").append(label(device))
          .append(" | ").append(v.get(p + "smallestXmxMib")).append(" MiB")
          .append(" | ").append(number(d(p + "throughputAtSmallest"), 0)).append(" (").append(number(d(p + "referenceThroughput"), 0)).append(")")
          .append(" | ").append(number(100 * d(p + "gcFractionAtSmallest"), 1)).append(" %")
          .append(" | ").append(number(d(p + "peakRssKibAtSmallest") / 1024, 1)).append(" MiB")
          .append(" | ").append(v.get(p + "trail")).append(" |\n");
    }
    return t.toString().trim();
  }

  private String startup() {
    StringBuilder t = new StringBuilder();
    t.append("| device | median ms | fastest ms | classes loaded when serving |\n|---|---:|---:|---:|\n");
    for (String device : new String[] {"framework", "shrunk", "raw"}) {
      String p = "startup." + device + ".";
      if (!v.containsKey(p + "medianMillis")) {
        continue;
      }
      t.append("| ").append(label(device)).append(" | ").append(number(d(p + "medianMillis"), 0))
          .append(" | ").append(number(d(p + "minMillis"), 0))
          .append(" | ").append(number(d(p + "loadedClasses"), 0)).append(" |\n");
    }
    t.append("| **framework ÷ raw** | **").append(number(d("startup.ratio"), 2)).append("** | | |\n");
    return t.toString().trim();
  }

  private String shrink() {
    StringBuilder t = new StringBuilder();
    t.append("| request | reply of the shrunk device | as required, and identical to the unshrunk device |\n|---|---|---|\n");
    int n = (int) l("shrink.commands");
    for (int i = 0; i < n; i++) {
      String p = "shrink.cmd." + i + ".";
      t.append("| `").append(v.get(p + "request")).append("` | `").append(v.get(p + "reply").replace("|", "\\|"))
          .append("` | ").append(Boolean.parseBoolean(v.get(p + "ok")) ? "yes" : "**NO**").append(" |\n");
    }
    return t.toString().trim();
  }

  /** One row per fleet run of {@code <prefix>.runs}: framework and raw Paho side by side. */
  private String fleet(String prefix) {
    StringBuilder t = new StringBuilder();
    t.append("| devices | device | threads | JDK | starting at a time | all subscribed | CPU per start | platform threads (per device) | heap per device"
        + " | RSS per device | one request each: p50 / p99 | answered | a second request each: p50 / p99 |\n");
    t.append("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String id : v.get(prefix + ".runs").split(",")) {
      String p = prefix + "." + id + ".";
      t.append("| ").append(number(d(p + "devices"), 0))
          .append(" | ").append(label(v.get(p + "kind")))
          .append(" | ").append(v.get(p + "threads"))
          .append(" | ").append(v.get(p + "java"))
          .append(" | ").append(v.getOrDefault(p + "parallel", v.get(prefix + ".parallel")))
          .append(" | ").append(number(d(p + "startMillis") / 1000, 2)).append(" s")
          .append(failedStarts(p))
          .append(" | ").append(v.containsKey(p + "startCpuMillisPerDevice") ? number(d(p + "startCpuMillisPerDevice"), 1) + " ms" : "")
          .append(" | ").append(number(d(p + "platformThreads"), 0)).append(" (").append(number(d(p + "platformThreadsPerDevice"), 2)).append(")")
          .append(" | ").append(number(d(p + "heapPerDeviceBytes") / 1000, 1)).append(" KB")
          .append(" | ").append(number(d(p + "rssPerDeviceKib"), 0)).append(" KiB")
          .append(" | ").append(number(d(p + "p50Micros") / 1000, 2)).append(" / ").append(number(d(p + "p99Micros") / 1000, 2)).append(" ms")
          .append(" | ").append(v.get(p + "answered")).append("/").append(v.get(p + "asked"))
          .append(" | ").append(v.containsKey(p + "secondP50Micros") ? number(d(p + "secondP50Micros") / 1000, 2) + " / "
              + number(d(p + "secondP99Micros") / 1000, 2) + " ms" : "")
          .append(" |\n");
    }
    return t.toString().trim();
  }

  /** The broker restarts under a fleet of the scaling runs, if any were asked for. */
  private String storm() {
    StringBuilder t = new StringBuilder();
    t.append("| fleet | half connected again | 90 % | all | then one request each answered | all connected and answered |\n");
    t.append("|---|---:|---:|---:|---:|---:|\n");
    boolean any = false;
    for (String id : v.getOrDefault("scaling.runs", "").split(",")) {
      String p = "scaling." + id + ".restart.";
      if (!v.containsKey(p + "allConnectedSeconds")) {
        continue;
      }
      any = true;
      t.append("| ").append(number(d("scaling." + id + ".devices") + 1, 0)).append(" ")
          .append(label(v.get("scaling." + id + ".kind"))).append(", ").append(v.get("scaling." + id + ".threads"))
          .append(" | ").append(seconds(d(p + "halfConnectedSeconds")))
          .append(" | ").append(seconds(d(p + "ninetyConnectedSeconds")))
          .append(" | ").append(seconds(d(p + "allConnectedSeconds")))
          .append(" | ").append(v.get(p + "answered")).append("/").append(number(d("scaling." + id + ".devices") + 1, 0))
          .append(" | ").append(seconds(d(p + "allServingSeconds"))).append(" |\n");
    }
    return any ? t.toString().trim() : "(no broker restart in the recorded `./bench/fleet` run)";
  }

  private static String seconds(double s) {
    return s < 0 ? "not within 2 min" : number(s, 1) + " s";
  }

  private String failedStarts(String p) {
    long failed = l(p + "failedStarts");
    String first = v.get(p + "firstFailure").replace('_', ' ');
    return failed == 0 ? "" : " (**" + failed + " failed**, the first: " + (first.length() > 120 ? first.substring(first.length() - 120) : first) + ")";
  }

  /** Issue 14's fleet targets, checked against the long runs (else the short one) of framework devices. */
  private String fleetTargets() {
    String prefix = v.containsKey("scaling.runs") ? "scaling" : "fleet";
    StringBuilder t = new StringBuilder();
    t.append("| target | measured | met |\n|---|---|---|\n");
    for (String id : v.get(prefix + ".runs").split(",")) {
      String p = prefix + "." + id + ".";
      if (!"framework".equals(v.get(p + "kind"))) {
        continue;
      }
      String what = number(d(p + "devices"), 0) + " framework devices, " + v.get(p + "threads") + " threads, "
          + v.getOrDefault(p + "parallel", v.get(prefix + ".parallel")) + " starting at a time, JDK " + v.get(p + "java");
      if (l(p + "devices") == 1000) {
        double s = d(p + "startMillis") / 1000;
        row(t, "1,000 devices subscribed in ≤ 10 s (" + what + ")", number(s, 2) + " s", s <= 10 && l(p + "failedStarts") == 0);
      }
      if ("virtual".equals(v.get(p + "threads"))) {
        row(t, "≤ 64 platform threads in total (" + what + ")", number(d(p + "platformThreads"), 0), d(p + "platformThreads") <= 64);
      } else {
        double perDevice = d(p + "platformThreadsPerDevice");
        row(t, "≤ 1.1 platform threads per device (" + what + ")", number(perDevice, 2), perDevice <= 1.1);
      }
      double heap = d(p + "heapPerDeviceBytes") / 1000;
      row(t, "≤ 20 KB of heap per device (" + what + ")", number(heap, 1) + " KB", heap <= 20);
    }
    return t.toString().trim();
  }

  private String nsCell(String prefix) {
    return "**" + number(d(prefix + ".ns"), 1) + "** (" + number(d(prefix + ".min"), 1) + "–" + number(d(prefix + ".max"), 1) + ")";
  }

  private void row(StringBuilder t, String target, String measured, boolean met) {
    t.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
  }

  private void sizeRow(StringBuilder t, String what, String key) {
    boolean bold = what.startsWith("**");
    String size = kib(l(key));
    t.append("| ").append(what).append(" | ").append(bold ? "**" + size + "**" : size).append(" |\n");
  }

  private static String kib(long bytes) {
    return number(bytes / 1000.0, 1) + " KB (" + number(bytes, 0) + " B)";
  }

  private static String label(String key) {
    switch (key) {
      case "generated":
        return "generated (`BenchCommands_RrpcDispatcher`)";
      case "handWritten":
        return "hand-written `switch` (floor)";
      case "reflective":
        return "reflective (`Method.invoke` + Gson binding)";
      case "framework":
        return "framework (aircon)";
      case "raw":
        return "raw Paho";
      case "shrunk":
        return "framework, ProGuard-shrunk";
      default:
        return key;
    }
  }

  private double ratio(String numerator, String denominator) {
    return d(numerator) / d(denominator);
  }

  private double d(String key) {
    String value = v.get(key);
    if (value == null) {
      throw new IllegalStateException("the run produced no value for " + key);
    }
    return Double.parseDouble(value);
  }

  private long l(String key) {
    return Math.round(d(key));
  }
}
