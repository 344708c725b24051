package io.rrpc.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The command line's usage errors exit 2 before anything starts. */
class MainTest {
  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, Main.run("--device", "no-slash"));
    assertEquals(2, Main.run("--secret-id", "AKIDonly"));
    assertEquals(2, Main.run("--mqtt", "nonsense"));
    assertEquals(2, Main.run("--broker", "http://example"));
    assertEquals(2, Main.run("call", "--product", "P", "--device", "D", "--secret-id", "x", "--secret-key", "y",
        "--endpoint", "ftp://127.0.0.1:1", "closed"));
  }
}
