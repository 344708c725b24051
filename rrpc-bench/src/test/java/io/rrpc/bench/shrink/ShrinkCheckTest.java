package io.rrpc.bench.shrink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shrink check's two judgements: what a reply must be, and which shrunk classes were the runtime's. */
class ShrinkCheckTest {

  @Test
  void expectedRepliesMatchExactlyOrByPrefix() {
    assertTrue(ShrinkCheck.matches("ok", "ok"));
    assertFalse(ShrinkCheck.matches("ok", "ok "));
    assertTrue(ShrinkCheck.matches("error unknown_command: *", "error unknown_command: no \"x\""));
    assertFalse(ShrinkCheck.matches("error unknown_command: *", "error handler_error: the handler failed"));
  }

  @Test
  void readsShrunkClassNamesOfAPackageFromTheMapping(@TempDir Path dir) throws Exception {
    Path mapping = dir.resolve("device-shrunk.map");
    Files.write(mapping, Arrays.asList(
        "io.rrpc.runtime.Exchange -> io.rrpc.b.a:",
        "    io.rrpc.runtime.RrpcRequest request -> a",
        "    void run() -> run",
        "io.rrpc.runtime.RrpcDevice$Builder -> io.rrpc.b.b:",
        "io.rrpc.example.aircon.PowerCommands -> io.rrpc.a.c:",
        "com.google.gson.Gson -> com.a.a.e:"), StandardCharsets.UTF_8);

    assertEquals(new HashSet<>(Arrays.asList("io/rrpc/b/a.class", "io/rrpc/b/b.class")),
        ShrunkNames.classesFrom(mapping, "io.rrpc.runtime."));
  }
}
