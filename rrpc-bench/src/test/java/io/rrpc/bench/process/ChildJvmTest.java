package io.rrpc.bench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line protocol every benchmark JVM is driven by, against a real child JVM. */
class ChildJvmTest {
  @TempDir
  Path dir;

  /** The child: says noise, then {@code ready}, answers {@code ask} and {@code fail}, ends on {@code stop}. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      System.err.println("the log, not stdout; secret from the environment: " + System.getenv("CHILD_VALUE"));
      System.out.println("Started recording 1"); // what a JVM may print of its own before the protocol
      System.out.println("ready value=" + System.getenv("CHILD_VALUE") + " pid=" + ProcessHandle.current().pid());
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.equals("stop")) {
        System.out.println(line.equals("ask") ? "answer a=1 b=two" : "failed because asked to");
        System.out.flush();
      }
      System.exit(0);
    }
  }

  @Test
  void drivesAChildOverItsLinesAndStopsIt() throws Exception {
    Path log = dir.resolve("child.log");
    try (ChildJvm child = start(log)) {
      String ready = child.require("ready ", 30_000);
      assertEquals("42", ChildJvm.fields(ready).get("value"), "the environment reached the child");
      assertEquals(Long.toString(child.pid()), ChildJvm.fields(ready).get("pid"));
      assertEquals("1", child.ask("ask", "answer ", 10_000).get("a"));
      assertEquals("two", child.ask("ask", "answer ", 10_000).get("b"));
      child.stop(10);
      assertFalse(child.isAlive());
      assertEquals(ChildJvm.EXITED, child.awaitLine(10_000, "never"));
    }
    assertTrue(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains("the log, not stdout"));
  }

  @Test
  void aFailedLineOrTheEndOfTheChildIsAClearError() throws Exception {
    try (ChildJvm child = start(dir.resolve("child.log"))) {
      child.require("ready ", 30_000);
      IllegalStateException failed = assertThrows(IllegalStateException.class,
          () -> child.ask("fail", "answer ", 10_000));
      assertEquals("the test child did not say \"answer\" (got failed because asked to)", failed.getMessage());

      child.stop(10);
      IllegalStateException ended = assertThrows(IllegalStateException.class, () -> child.require("answer ", 10_000));
      assertTrue(ended.getMessage().startsWith("the test child did not say \"answer\" (got <exited>, exit 0"),
          ended.getMessage());
    }
  }

  private static ChildJvm start(Path log) throws Exception {
    List<String> command = Arrays.asList(ChildJvm.javaBinary(System.getProperty("java.home")),
        "-cp", System.getProperty("java.class.path"), Child.class.getName());
    return ChildJvm.start("test child", command, Collections.singletonMap("CHILD_VALUE", "42"), log);
  }
}
