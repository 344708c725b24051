package io.rrpc.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects what every reliability and security test tried and saw, and writes RELIABILITY.md when the
 * test run ends. The file at the repository root is rewritten only by a run that covered every section
 * ({@link #EXPECTED}); a partial run (one test class, {@code -Dtest=...}) writes
 * {@code target/RELIABILITY.md} instead, so it never replaces the full table with a partial one.
 */
final class ReliabilityReport {
  static final ReliabilityReport INSTANCE = new ReliabilityReport();

  /** The test classes whose results make a complete report. */
  static final Set<String> EXPECTED = new LinkedHashSet<>(Arrays.asList(
      "ConnectionFaultTest", "BrokerRestartTest", "LoadTest", "HostileInputTest", "SecurityTest",
      "RequestFuzzTest", "NoSecretLeakSummaryTest"));

  private final List<ScenarioRow> scenarios = new ArrayList<>();
  private final List<String[]> hostile = new ArrayList<>();
  private final List<String[]> security = new ArrayList<>();
  private final List<String[]> fuzz = new ArrayList<>();
  private final Set<String> contributors = new LinkedHashSet<>();

  private ReliabilityReport() {}

  synchronized void record(ScenarioRow row) {
    scenarios.add(row);
  }

  /** A hostile input: what was sent, the documented outcome, what the device did, whether it still served. */
  synchronized void hostile(String input, String expected, String observed, boolean stillServing) {
    hostile.add(new String[] {input, expected, observed, stillServing ? "yes" : "**no**"});
  }

  synchronized void security(String check, String result) {
    security.add(new String[] {check, result});
  }

  synchronized void fuzz(String target, String mode, String result) {
    fuzz.add(new String[] {target, mode, result});
  }

  /** Marks a test class as having run to its end. */
  synchronized void contributed(String testClass) {
    contributors.add(testClass);
  }

  /** Whether every expected test class but the summary has run to its end in this JVM. */
  synchronized boolean othersAllRan() {
    Set<String> others = new LinkedHashSet<>(EXPECTED);
    others.remove("NoSecretLeakSummaryTest");
    return contributors.containsAll(others);
  }

  /** Writes the report; called once when the JUnit run ends. */
  synchronized void write() {
    if (contributors.isEmpty()) {
      return;
    }
    String root = System.getProperty("rrpc.reliability.report");
    boolean complete = contributors.containsAll(EXPECTED);
    Path target = complete && root != null ? Paths.get(root) : Paths.get("target", "RELIABILITY.md");
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.write(target, markdown(complete).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Results the bounded fuzzing executions of this build left in target/reliability (one line: mode|result). */
  private List<String[]> fuzzingRuns() {
    List<String[]> rows = new ArrayList<>();
    Path dir = Paths.get("target", "reliability");
    String started = System.getProperty("rrpc.reliability.build.started", "");
    long since;
    try {
      since = java.time.Instant.parse(started).toEpochMilli() - 60_000; // the timestamp has whole seconds
    } catch (java.time.format.DateTimeParseException e) {
      since = 0;
    }
    for (String target : new String[] {"requestDecoding", "generatedDispatcher"}) {
      Path file = dir.resolve("fuzz-" + target + ".txt");
      try {
        if (Files.exists(file) && Files.getLastModifiedTime(file).toMillis() >= since) {
          String[] parts = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\|", 2);
          rows.add(new String[] {"`" + target + "`", parts[0], parts.length > 1 ? parts[1] : ""});
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  private String markdown(boolean complete) {
    StringBuilder md = new StringBuilder();
    md.append("# Reliability and security of an rrpc device\n\n")
        .append("<!-- Written by the rrpc-reliability tests (ReliabilityReport); do not edit by hand. -->\n\n")
        .append("Produced by `mvn -B verify` (module `rrpc-reliability`), profile **").append(Scale.PROFILE)
        .append("**, on ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
        .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(".");
    if (!complete) {
      md.append(" **Partial run**: only ").append(String.join(", ", contributors)).append(".");
    }
    md.append("\n\n").append(HOW_TO_RUN);

    md.append("\n## Faults, floods and deadlines\n\n")
        .append("Every call is settled as exactly one of: its own result; the device's `busy` or `timeout` error reply; ")
        .append("the hub's `FailedOperation.RRPCTimeout`, or its `DeviceOffline`/`DeviceNoSubscription` while the device was away; **crossed** (a reply carrying another request's answer); ")
        .append("**lost** (no outcome at all, or a request the device accepted and never settled by its own counters). ")
        .append("Reconnect times are from the fault (or, for a broker restart, from the broker being back) to the first call answered again (min / median / max).\n\n")
        .append("| Scenario | Broker | Runs | Sent | Answered: result | busy | timeout (device) | RRPCTimeout (hub) | DeviceOffline (hub) | Crossed | Lost | Reconnect to serving | Notes |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    long crossed = 0;
    long lost = 0;
    for (ScenarioRow r : scenarios) {
      CallLedger c = r.calls;
      crossed += c.crossed.get();
      lost += r.lost();
      md.append("| ").append(r.scenario).append(" | ").append(r.broker).append(" | ").append(r.runs)
          .append(" | ").append(c.sent.get()).append(" | ").append(c.results.get()).append(" | ").append(c.busy.get())
          .append(" | ").append(c.deviceTimeouts.get()).append(" | ").append(c.hubTimeouts.get()).append(" | ").append(c.hubOffline.get())
          .append(" | ").append(c.crossed.get()).append(" | ").append(r.lost())
          .append(" | ").append(r.reconnectSummary()).append(" | ").append(r.notes()).append(" |\n");
    }
    md.append("\n**Total: ").append(crossed).append(" crossed, ").append(lost).append(" lost.**\n");

    table(md, "Hostile input", "Each sent to a live device; after each, a normal request is answered.",
        new String[] {"Input", "Documented outcome", "Observed", "Still serving"}, hostile);
    table(md, "Security", "", new String[] {"Check", "Result"}, security);
    List<String[]> fuzzRows = new ArrayList<>(fuzz);
    fuzzRows.addAll(fuzzingRuns());
    table(md, "Fuzzing", "Property: the request decoder, the parameter conversions and a generated dispatcher "
        + "never do anything but return a reply, return `null` or throw `RrpcException`.",
        new String[] {"Target", "Mode", "Result"}, fuzzRows);
    return md.toString();
  }

  private static void table(StringBuilder md, String title, String intro, String[] head, List<String[]> rows) {
    md.append("\n## ").append(title).append("\n\n");
    if (!intro.isEmpty()) {
      md.append(intro).append("\n\n");
    }
    md.append("| ").append(String.join(" | ", head)).append(" |\n|");
    for (int i = 0; i < head.length; i++) {
      md.append("---|");
    }
    md.append('\n');
    for (String[] row : rows) {
      md.append("|");
      for (String cell : row) {
        md.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
      }
      md.append('\n');
    }
  }

  private static final String HOW_TO_RUN = String.join("\n",
      "How to run:",
      "",
      "- `mvn -B verify` (or `mvn -B -pl rrpc-reliability -am verify`): the default run, a few minutes on 2 cores,",
      "  including a bounded fuzzing run of each fuzz target.",
      "- `mvn -B -pl rrpc-reliability -am verify -Plong`: more flaps, restarts and a bigger burst, and 10 minutes of",
      "  fuzzing per target.",
      "- Mosquitto scenarios need `/usr/sbin/mosquitto` (Debian: `apt-get install mosquitto`); they are skipped without it",
      "  unless `-Drrpc.it.mosquitto=required` (as in CI).",
      "- Only a run of every test class rewrites this file; a partial run writes `rrpc-reliability/target/RELIABILITY.md`.",
      "");
}
