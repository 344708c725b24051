package io.rrpc.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One line of RELIABILITY.md's scenario table: what was tried, how often, and what every request came
 * to. Filled by a test, then {@linkplain ReliabilityReport#record recorded}.
 */
final class ScenarioRow {
  final String scenario;
  final String broker;
  int runs = 1;
  final CallLedger calls = new CallLedger();
  /** Requests the device accepted but never gave an outcome (from its own counters); must stay 0. */
  long lostOnDevice;
  private final List<Long> reconnectMillis = Collections.synchronizedList(new ArrayList<>());
  private final List<String> notes = new ArrayList<>();

  ScenarioRow(String scenario, String broker) {
    this.scenario = scenario;
    this.broker = broker;
  }

  ScenarioRow runs(int runs) {
    this.runs = runs;
    return this;
  }

  /** A measured time from a fault's end (or start) to the device serving again. */
  void reconnected(long nanos) {
    reconnectMillis.add(TimeUnit.NANOSECONDS.toMillis(nanos));
  }

  ScenarioRow note(String note) {
    notes.add(note);
    return this;
  }

  long lost() {
    return calls.lost() + lostOnDevice;
  }

  /** min / median / max of the reconnect times, or a dash. */
  String reconnectSummary() {
    List<Long> sorted;
    synchronized (reconnectMillis) {
      sorted = new ArrayList<>(reconnectMillis);
    }
    if (sorted.isEmpty()) {
      return "–";
    }
    Collections.sort(sorted);
    long median = sorted.get(sorted.size() / 2);
    return sorted.get(0) + " / " + median + " / " + sorted.get(sorted.size() - 1) + " ms";
  }

  String notes() {
    return String.join("; ", notes);
  }
}
