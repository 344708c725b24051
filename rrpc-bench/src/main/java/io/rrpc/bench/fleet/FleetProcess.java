package io.rrpc.bench.fleet;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link FleetMain} JVM: spawned with the harness's class path on a chosen JDK, driven over stdin. */
final class FleetProcess implements AutoCloseable {
  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private FleetProcess(Process process) {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readLines, "fleet-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code <javaHome>/bin/java <jvmOptions> FleetMain <args>}; its stderr (the devices' log)
   * goes to {@code log}.
   */
  static FleetProcess start(String javaHome, List<String> jvmOptions, List<String> args, String secret, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaHome + File.separator + "bin" + File.separator + "java");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FleetMain.class.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("RRPC_BENCH_DEVICE_SECRET", secret);
    return new FleetProcess(builder.start());
  }

  /** Waits for the {@code started …} line and returns its fields. */
  Map<String, String> awaitStarted(long timeoutMillis) {
    return fields(awaitLine("started ", timeoutMillis));
  }

  /** Asks for the steady-state figures and returns their fields. */
  Map<String, String> figures() throws IOException {
    send("figures");
    return fields(awaitLine("figures ", 60_000));
  }

  /** How many devices of the fleet have their connection up right now. */
  int connected() throws IOException {
    send("connected");
    return Integer.parseInt(fields(awaitLine("connected ", 60_000)).get("count"));
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        send("stop");
        process.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (IOException | InterruptedException e) {
      // fall through to the forcible end
    }
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private String awaitLine(String prefix, long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      String line;
      try {
        line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        line = null;
      }
      if (line == null || line.equals("<exited>") || line.startsWith("failed")) {
        throw new IllegalStateException("the fleet JVM did not say \"" + prefix.trim() + "\" (got " + line + ")");
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> values = new HashMap<>();
    for (String field : line.split(" ")) {
      int eq = field.indexOf('=');
      if (eq > 0) {
        values.put(field.substring(0, eq), field.substring(eq + 1));
      }
    }
    return values;
  }

  private void send(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  private void readLines() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the JVM is gone
    }
    lines.add("<exited>");
  }
}
