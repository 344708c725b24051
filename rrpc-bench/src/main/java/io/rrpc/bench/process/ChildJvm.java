package io.rrpc.bench.process;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the benchmarks spawn and drive over a line protocol: commands on its stdin, answers on its stdout
 * ({@code <prefix> key=value key=value …}), its log (stderr) appended to a file. Measured devices and
 * fleets run in JVMs of their own so that their heap, GC, threads and CPU time are theirs alone.
 *
 * <p>One thread reads stdout into a queue; {@link #awaitLine} takes from it. Not for concurrent use
 * by several drivers.
 */
public final class ChildJvm implements AutoCloseable {
  /** The line queued once stdout ends. */
  public static final String EXITED = "<exited>";

  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final String name;

  private ChildJvm(Process process, String name) {
    this.process = process;
    this.name = name;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readLines, name + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code command} (from {@link #javaBinary}) with {@code env} added to this JVM's environment;
   * its stderr is appended to {@code log}.
   *
   * @param name what the JVM is, for thread names and error messages ("framework device", "fleet JVM")
   */
  public static ChildJvm start(String name, List<String> command, Map<String, String> env, Path log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    return new ChildJvm(builder.start(), name);
  }

  /** {@code <javaHome>/bin/java}. */
  public static String javaBinary(String javaHome) {
    return javaHome + File.separator + "bin" + File.separator + "java";
  }

  /** Sends one command line. */
  public void send(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  /**
   * Waits for the first line that starts with one of {@code prefixes}, skipping others (a JVM may print
   * its own lines, such as JFR's "Started recording").
   *
   * @return the line, or {@link #EXITED} if the JVM ended first, or {@code null} on timeout
   */
  public String awaitLine(long timeoutMillis, String... prefixes) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      String line;
      try {
        line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      if (line == null || line.equals(EXITED)) {
        return line;
      }
      for (String prefix : prefixes) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    }
  }

  /**
   * Sends {@code command} and returns the fields of the answer line starting with {@code prefix}.
   *
   * @throws IllegalStateException when the JVM ends, fails or stays silent instead
   */
  public Map<String, String> ask(String command, String prefix, long timeoutMillis) throws IOException {
    send(command);
    return fields(require(prefix, timeoutMillis));
  }

  /**
   * Waits for the line starting with {@code prefix}; a {@code failed …} line, the end of the JVM or
   * the timeout is an {@link IllegalStateException} that says which.
   */
  public String require(String prefix, long timeoutMillis) {
    String line = awaitLine(timeoutMillis, prefix, "failed");
    if (line == null || !line.startsWith(prefix)) {
      throw new IllegalStateException("the " + name + " did not say \"" + prefix.trim() + "\" (got " + line
          + (process.isAlive() ? "" : ", exit " + process.exitValue()) + ")");
    }
    return line;
  }

  /** The {@code key=value} fields of a protocol line. */
  public static Map<String, String> fields(String line) {
    Map<String, String> values = new HashMap<>();
    for (String field : line.split(" ")) {
      int eq = field.indexOf('=');
      if (eq > 0) {
        values.put(field.substring(0, eq), field.substring(eq + 1));
      }
    }
    return values;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the JVM now. */
  public void kill() {
    process.destroyForcibly();
  }

  /** Asks the JVM to stop, waits up to {@code graceSeconds}, then ends it forcibly. */
  public void stop(long graceSeconds) {
    try {
      if (process.isAlive()) {
        send("stop");
        process.waitFor(graceSeconds, TimeUnit.SECONDS);
      }
    } catch (IOException | InterruptedException e) {
      // fall through to the forcible end
    }
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    stop(10);
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
    lines.add(EXITED);
  }
}
