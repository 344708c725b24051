package io.rrpc.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's usage errors exit 2 before anything starts; a hub that cannot start exits 1. */
class MainTest {
  @TempDir Path dir;

  @Test
  void anApiPortInUseExitsWithOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int status = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Main.run("--mqtt", "127.0.0.1:0",
          "--api", "127.0.0.1:" + taken.getLocalPort(), "--write-device-info", dir.toString()));
      assertEquals(1, status);
    }
  }

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
