package io.rrpc.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last: the secret scan of every class before it found nothing (each class fails on its own
 * otherwise), the scan would have caught a leak, and the capture really sees every channel.
 */
@Order(Integer.MAX_VALUE)
class NoSecretLeakSummaryTest {

  @Test
  void theCaptureSeesLogsAtEveryLevelAndBothStandardStreams() {
    String canary = "canary-" + System.nanoTime();
    Logger.getLogger("io.rrpc.reliability.canary").fine(canary + "-fine");
    Logger.getLogger("org.example.other").warning(canary + "-warning");
    System.out.println(canary + "-stdout");
    System.err.println(canary + "-stderr");

    for (String channel : Arrays.asList("-fine", "-warning", "-stdout", "-stderr")) {
      assertTrue(SuiteLog.INSTANCE.holds(canary + channel), "captured " + channel);
    }
  }

  @Test
  void theScanCatchesEachKindOfSecret() {
    SuiteSecrets.deviceSecret("cmVsaWFiaWxpdHkgY2FuYXJ5IQ==");
    assertNotNull(SuiteSecrets.findLeak(Arrays.asList("key: cmVsaWFiaWxpdHkgY2FuYXJ5IQ==")));
    assertNotNull(SuiteSecrets.findLeak(Arrays.asList("hex: " + SuiteSecrets.hex("reliability canary!".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII)))));
    SuiteSecrets.password("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff;hmacsha256");
    assertNotNull(SuiteSecrets.findLeak(Arrays.asList("sig 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")));
    assertNull(SuiteSecrets.findLeak(Arrays.asList("nothing secret here")));
  }

  @Test
  void noSecretAppearedAnywhereInTheSuite() {
    // Every earlier class was scanned when it ended and would have failed on a leak.
    long scanned = ReliabilitySuite.SCANNED.get();
    int devices = SuiteSecrets.DEVICE_SECRETS.get();
    int passwords = SuiteSecrets.PASSWORDS.get();
    int keys = SuiteSecrets.PRIVATE_KEYS.get();
    Logger.getLogger("io.rrpc.reliability").log(Level.FINE, "scanned " + scanned + " lines");
    boolean fullRun = ReliabilityReport.INSTANCE.othersAllRan();
    if (fullRun) {
      assertTrue(scanned > 1000, "the suite produced output to scan: " + scanned);
      assertTrue(devices > 10 && passwords > 10, devices + " device secrets, " + passwords + " passwords");
    }
    assertFalse(SuiteSecrets.all().isEmpty());
    ReliabilityReport.INSTANCE.security("No secret in any output of the whole suite",
        "0 leaks in " + scanned + " lines (every log record at every level, io.rrpc FINE included, with exception "
            + "chains; stdout; stderr; exceptions provoked by tests) checked against " + devices
            + " device secrets (base64 and hex), " + passwords + " passwords sniffed from devices' CONNECT packets, "
            + keys + " private keys");
  }
}
