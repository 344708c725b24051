package io.rrpc.bench.shrink;

import io.rrpc.bench.e2e.BenchBrokers;
import io.rrpc.bench.e2e.BenchSettings;
import io.rrpc.bench.e2e.DeviceProcess;
import io.rrpc.bench.e2e.DeviceProcess.Kind;
import io.rrpc.bench.e2e.LoadDriver;
import io.rrpc.bench.report.ResultFile;
import io.rrpc.testkit.LocalBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Proves the ProGuard-shrunk device jar works: on each broker it runs the unshrunk and the shrunk
 * aircon device in turn, sends both the same script of every aircon command (successes and documented
 * errors) and requires each reply to be what the command must answer and identical between the two.
 * Exits with status 1 if any reply differs, so bench/run-all fails loudly.
 */
public final class ShrinkCheck {
  /** request → expected reply; a trailing '*' means "starts with". Order matters: the state carries over. */
  private static final String[][] SCRIPT = {
      {"closed", "ok"},
      {"status", "{\"power\":\"off\",\"mode\":\"auto\",\"celsius\":26,\"fan\":\"auto\"}"},
      {"open", "ok"},
      {"{\"method\":\"setTemperature\",\"params\":{\"celsius\":24}}",
          "{\"power\":\"on\",\"mode\":\"auto\",\"celsius\":24,\"fan\":\"auto\"}"},
      {"{\"method\":\"setMode\",\"params\":{\"mode\":\"cool\"}}",
          "{\"power\":\"on\",\"mode\":\"cool\",\"celsius\":24,\"fan\":\"auto\"}"},
      {"{\"method\":\"setFanSpeed\",\"params\":{\"speed\":\"high\"}}",
          "{\"power\":\"on\",\"mode\":\"cool\",\"celsius\":24,\"fan\":\"high\"}"},
      {"selfTest", "{\"result\":\"pass\",\"state\":{\"power\":\"on\",\"mode\":\"cool\",\"celsius\":24,\"fan\":\"high\"}}"},
      {"{\"method\":\"setTemperature\",\"params\":{\"celsius\":99}}", "{\"error\":{\"code\":\"invalid_params\",*"},
      {"{\"method\":\"setTemperature\",\"params\":{\"celsius\":\"warm\"}}", "{\"error\":{\"code\":\"invalid_params\",*"},
      {"{\"method\":\"setMode\",\"params\":{\"mode\":\"turbo\"}}", "{\"error\":{\"code\":\"invalid_params\",*"},
      {"reboot", "error unknown_command: *"},
      {"{\"method\":\"setTemperature\",\"params\":", "{\"error\":{\"code\":\"malformed_json\",*"},
  };

  private ShrinkCheck() {}

  public static void main(String[] args) throws Exception {
    Path results = BenchSettings.resultsDir();
    Files.createDirectories(results);
    Path jar = BenchSettings.deviceJar();
    Path shrunk = jar.resolveSibling("device-shrunk.jar");
    ResultFile out = new ResultFile();
    out.put("shrink.deviceJar.bytes", Files.size(jar));
    out.put("shrink.deviceJar.classes", classCount(jar));
    out.put("shrink.shrunkJar.bytes", Files.size(shrunk));
    out.put("shrink.shrunkJar.classes", classCount(shrunk));
    out.put("shrink.ratio", Files.size(shrunk) / (double) Files.size(jar));
    // What the runtime itself weighs inside each jar (compressed), found through ProGuard's name mapping.
    java.util.Set<String> runtimeClasses = ShrunkNames.classesFrom(jar.resolveSibling("device-shrunk.map"), "io.rrpc.runtime.");
    out.put("shrink.runtimeInDeviceJar.bytes", compressedSize(jar, name -> name.startsWith("io/rrpc/runtime/")));
    out.put("shrink.runtimeInShrunkJar.bytes", compressedSize(shrunk, runtimeClasses::contains));
    out.put("shrink.commands", SCRIPT.length);
    boolean allOk = true;
    List<String> brokers = new ArrayList<>(Arrays.asList("embedded"));
    if (BenchBrokers.mosquittoAvailable()) {
      brokers.add("mosquitto");
    }
    for (String brokerName : brokers) {
      List<String> plain;
      List<String> small;
      try (LocalBroker broker = BenchBrokers.start(brokerName);
          LoadDriver driver = LoadDriver.connect(broker.uri(), BenchSettings.PRODUCT_ID, BenchSettings.DEVICE_NAME)) {
        plain = runScript(jar, broker, driver, results);
        small = runScript(shrunk, broker, driver, results);
      }
      int passed = 0;
      for (int i = 0; i < SCRIPT.length; i++) {
        boolean ok = matches(SCRIPT[i][1], small.get(i)) && small.get(i).equals(plain.get(i));
        if (ok) {
          passed++;
        } else {
          System.out.println("  MISMATCH on " + brokerName + ": " + SCRIPT[i][0] + "\n    unshrunk: " + plain.get(i)
              + "\n    shrunk:   " + small.get(i));
        }
        if ("embedded".equals(brokerName)) {
          out.put("shrink.cmd." + i + ".request", SCRIPT[i][0]);
          out.put("shrink.cmd." + i + ".reply", small.get(i));
          out.put("shrink.cmd." + i + ".ok", ok);
        }
      }
      out.put("shrink." + brokerName + ".passed", passed);
      allOk &= passed == SCRIPT.length;
    }
    out.put("shrink.brokers", String.join(",", brokers));
    out.put("shrink.allPassed", allOk);
    out.write(results.resolve("shrink.properties"));
    if (!allOk) {
      System.err.println("the shrunk device does not answer like the unshrunk one");
      System.exit(1);
    }
  }

  private static List<String> runScript(Path jar, LocalBroker broker, LoadDriver driver, Path results) throws Exception {
    List<String> replies = new ArrayList<>();
    Path log = results.resolve("device-shrink-" + jar.getFileName() + ".log");
    try (DeviceProcess device = DeviceProcess.start(Kind.FRAMEWORK, jar, BenchSettings.deviceJvmOptions("64m"),
        broker.uri(), BenchSettings.PRODUCT_ID, BenchSettings.DEVICE_NAME, BenchSettings.SECRET, log)) {
      for (String[] step : SCRIPT) {
        byte[] reply = driver.call(step[0].getBytes(StandardCharsets.UTF_8));
        replies.add(reply == null ? "<no reply>" : new String(reply, StandardCharsets.UTF_8));
      }
    }
    return replies;
  }

  static boolean matches(String expected, String actual) {
    return expected.endsWith("*")
        ? actual.startsWith(expected.substring(0, expected.length() - 1))
        : actual.equals(expected);
  }

  private static long compressedSize(Path jar, java.util.function.Predicate<String> entryName) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      long total = 0;
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (e.getName().endsWith(".class") && entryName.test(e.getName())) {
          total += e.getCompressedSize();
        }
      }
      return total;
    }
  }

  private static int classCount(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      int n = 0;
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (e.getName().endsWith(".class")) {
          n++;
        }
      }
      return n;
    }
  }
}
