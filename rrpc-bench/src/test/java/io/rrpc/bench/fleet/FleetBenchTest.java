package io.rrpc.bench.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.bench.report.ResultFile;
import io.rrpc.testkit.MosquittoBroker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet harness measures what it claims to: on a real Mosquitto, every device of a small framework
 * fleet and of a small raw Paho fleet, each in its own fleet JVM, answers the one request sent to it
 * under its own name, and after the broker is killed and restarted under the framework fleet every
 * device is connected and answering again. (No timing is asserted; the figures come from the scripts.)
 */
class FleetBenchTest {
  @TempDir
  static Path results;
  private static Map<String, String> figures;

  @BeforeAll
  static void runTwoSmallFleets() throws Exception {
    if (!MosquittoBroker.findBinary().isPresent()) {
      if (MosquittoBroker.isRequired()) {
        throw new IllegalStateException("mosquitto is not installed but -Drrpc.it.mosquitto=required");
      }
      Assumptions.abort("mosquitto is not installed");
    }
    System.setProperty("bench.results", results.toString());
    System.setProperty("bench.fleet.runs", "3:framework:own,3:raw:own");
    System.setProperty("bench.fleet.restartRuns", "3-framework-own");
    System.setProperty("bench.fleet.settleMillis", "0");
    try {
      FleetBench.main(new String[0]);
    } finally {
      System.clearProperty("bench.fleet.runs");
      System.clearProperty("bench.fleet.restartRuns");
      System.clearProperty("bench.fleet.settleMillis");
    }
    figures = ResultFile.read(results.resolve("fleet.properties"));
  }

  @Test
  void everyDeviceOfBothFleetsAnswersItsOwnRequest() {
    assertEquals("3-framework-own,3-raw-own", figures.get("fleet.runs"));
    for (String id : new String[] {"3-framework-own", "3-raw-own"}) {
      assertEquals("0", figures.get("fleet." + id + ".failedStarts"), id);
      assertEquals("4", figures.get("fleet." + id + ".asked"), id + ": three measured devices and the warm-up one");
      assertEquals("4", figures.get("fleet." + id + ".answered"), id);
      assertEquals("0", figures.get("fleet." + id + ".wrongReplies"), id);
      assertEquals("4", figures.get("fleet." + id + ".secondAnswered"), id + ": a second request each");
      assertTrue(Double.parseDouble(figures.get("fleet." + id + ".platformThreads")) > 0, id);
    }
  }

  @Test
  void afterABrokerRestartEveryFrameworkDeviceAnswersAgain() {
    assertTrue(Double.parseDouble(figures.get("fleet.3-framework-own.restart.allConnectedSeconds")) >= 0,
        "all connected again: " + figures.get("fleet.3-framework-own.restart.curve"));
    assertEquals("4", figures.get("fleet.3-framework-own.restart.answered"));
  }
}
