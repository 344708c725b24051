package io.rrpc.runtime.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every {@code io.rrpc} log record of the test JVM at every level, fully formatted (message,
 * parameters, the whole thrown chain with stack traces), so tests can wait for a log line and the suite
 * can check that no secret was ever logged. INFO and above still reach the console.
 */
final class LogCapture extends Handler {
  static final LogCapture INSTANCE = new LogCapture();
  // Held strongly: JUL forgets the level of a logger nobody references.
  private static final Logger RRPC = Logger.getLogger("io.rrpc");

  static {
    RRPC.setLevel(Level.ALL);
    RRPC.setUseParentHandlers(false);
    RRPC.addHandler(INSTANCE);
  }

  private final List<String> lines = new ArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();

  private LogCapture() {
    setLevel(Level.ALL);
  }

  static void install() {
    // Loading the class runs the static block.
  }

  @Override
  public void publish(LogRecord record) {
    StringBuilder text = new StringBuilder(record.getLevel().getName()).append(' ')
        .append(record.getLoggerName()).append(" - ").append(formatter.formatMessage(record));
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      text.append('\n').append(trace);
    }
    synchronized (lines) {
      lines.add(text.toString());
      lines.notifyAll();
    }
    if (record.getLevel().intValue() >= Level.INFO.intValue()) {
      for (Handler h : Logger.getLogger("").getHandlers()) {
        h.publish(record);
      }
    }
  }

  /** A position in the log; lines logged later are "since" it. */
  int mark() {
    synchronized (lines) {
      return lines.size();
    }
  }

  List<String> linesSince(int mark) {
    synchronized (lines) {
      return new ArrayList<>(lines.subList(mark, lines.size()));
    }
  }

  int count(int mark, String fragment) {
    int n = 0;
    for (String line : linesSince(mark)) {
      if (line.contains(fragment)) {
        n++;
      }
    }
    return n;
  }

  /** Waits until at least {@code count} lines since {@code mark} contain {@code fragment}; fails on timeout. */
  void await(int mark, String fragment, int count, long timeout, TimeUnit unit) throws InterruptedException {
    long end = System.nanoTime() + unit.toNanos(timeout);
    synchronized (lines) {
      while (true) {
        int n = 0;
        for (int i = mark; i < lines.size(); i++) {
          if (lines.get(i).contains(fragment)) {
            n++;
          }
        }
        if (n >= count) {
          return;
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no " + count + " log lines containing <" + fragment + "> within "
              + unit.toMillis(timeout) + " ms; saw:\n" + String.join("\n", lines.subList(mark, lines.size())));
        }
        TimeUnit.NANOSECONDS.timedWait(lines, left);
      }
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
