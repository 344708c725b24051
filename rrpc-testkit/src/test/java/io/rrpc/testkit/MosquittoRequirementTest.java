package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** When Mosquitto tests are skipped, and when a missing binary is a failure instead. */
class MosquittoRequirementTest {
  private final String requiredBefore = System.getProperty(MosquittoBroker.REQUIRED_PROPERTY);
  private final String binaryBefore = System.getProperty(MosquittoBroker.BINARY_PROPERTY);

  @AfterEach
  void restore() {
    restore(MosquittoBroker.REQUIRED_PROPERTY, requiredBefore);
    restore(MosquittoBroker.BINARY_PROPERTY, binaryBefore);
  }

  @Test
  void theSettingReachesTheTestJvmAndCiRequiresMosquitto() {
    // .ci/run sets it in MAVEN_OPTS, i.e. on Maven's JVM; the module's surefire configuration passes it on.
    assertNotNull(System.getProperty(MosquittoBroker.REQUIRED_PROPERTY), "surefire passes rrpc.it.mosquitto");
    if ("true".equals(System.getenv("CI"))) {
      assertEquals("required", System.getProperty(MosquittoBroker.REQUIRED_PROPERTY));
    }
  }

  @Test
  void aMissingBinarySkipsTheTestWithItsReason() {
    System.setProperty(MosquittoBroker.BINARY_PROPERTY, "/nonexistent/mosquitto");
    System.setProperty(MosquittoBroker.REQUIRED_PROPERTY, "optional");

    TestAbortedException skipped = assertThrows(TestAbortedException.class, MosquittoBroker::startOrSkip);
    assertTrue(skipped.getMessage().contains("mosquitto is not installed"), skipped.getMessage());
  }

  @Test
  void aMissingBinaryFailsWhenMosquittoIsRequired() {
    System.setProperty(MosquittoBroker.BINARY_PROPERTY, "/nonexistent/mosquitto");
    System.setProperty(MosquittoBroker.REQUIRED_PROPERTY, "required");

    IllegalStateException failed = assertThrows(IllegalStateException.class, MosquittoBroker::startOrSkip);
    assertTrue(failed.getMessage().contains("required"), failed.getMessage());
  }

  @Test
  void aBinaryThatDoesNotStartFailsAndLeavesNoTemporaryDirectory() throws Exception {
    java.nio.file.Path tmp = java.nio.file.Paths.get(System.getProperty("java.io.tmpdir"));
    long before = countBrokerDirectories(tmp);

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> MosquittoBroker.start(java.nio.file.Paths.get("/bin/false")));
    assertTrue(e.getMessage().contains("did not start"), e.getMessage());
    assertTrue(countBrokerDirectories(tmp) <= before);
  }

  private static long countBrokerDirectories(java.nio.file.Path tmp) throws java.io.IOException {
    try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("rrpc-mosquitto-")).count();
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
