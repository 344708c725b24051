package io.rrpc.reliability;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything the test JVM says, kept so it can be scanned for secrets: every log record of every
 * logger that reaches the root logger, {@code io.rrpc} at every level (FINE included), each formatted
 * with its whole exception chain; everything written to {@code System.out} and {@code System.err}; and
 * the exceptions tests {@linkplain #exception caught} on purpose. INFO and above still reach the console.
 */
final class SuiteLog extends Handler {
  static final SuiteLog INSTANCE = new SuiteLog();
  // Held strongly: java.util.logging forgets the level of a logger nobody references.
  private static final Logger RRPC = Logger.getLogger("io.rrpc");

  private final List<String> lines = new ArrayList<>(); // guarded by itself
  private final SimpleFormatter formatter = new SimpleFormatter();
  private long total; // guarded by lines
  private boolean installed; // guarded by lines

  private SuiteLog() {
    setLevel(Level.ALL);
  }

  /** Starts capturing; idempotent. */
  void install() {
    synchronized (lines) {
      if (installed) {
        return;
      }
      installed = true;
    }
    // io.rrpc at every level: its FINE lines name processIds and commands, exactly where a careless
    // change could log a payload or credential. They come here only; INFO and up go on to the console.
    RRPC.setLevel(Level.ALL);
    RRPC.setUseParentHandlers(false);
    RRPC.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        SuiteLog.this.publish(record);
        if (record.getLevel().intValue() >= Level.INFO.intValue()) {
          for (Handler h : Logger.getLogger("").getHandlers()) {
            if (h != SuiteLog.this) {
              h.publish(record);
            }
          }
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
    Logger.getLogger("").addHandler(this);
    System.setOut(new PrintStream(new LineTee(System.out, "stdout"), true));
    System.setErr(new PrintStream(new LineTee(System.err, "stderr"), true));
  }

  @Override
  public void publish(LogRecord record) {
    StringBuilder text = new StringBuilder(record.getLevel().getName()).append(' ')
        .append(record.getLoggerName()).append(" - ").append(formatter.formatMessage(record));
    if (record.getThrown() != null) {
      text.append('\n').append(stackTrace(record.getThrown()));
    }
    add(text.toString());
  }

  /** Keeps an exception a test provoked on purpose: its messages and whole chain are scanned too. */
  void exception(Throwable t) {
    add("caught by a test: " + stackTrace(t));
  }

  /** The lines captured since the last drain, which are forgotten here so a long run holds few. */
  List<String> drain() {
    synchronized (lines) {
      List<String> out = new ArrayList<>(lines);
      lines.clear();
      return out;
    }
  }

  /** Whether a line captured since the last drain contains {@code fragment}. */
  boolean holds(String fragment) {
    synchronized (lines) {
      for (String line : lines) {
        if (line.contains(fragment)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Lines captured since the JVM started. */
  long total() {
    synchronized (lines) {
      return total;
    }
  }

  private void add(String line) {
    synchronized (lines) {
      lines.add(line);
      total++;
    }
  }

  private static String stackTrace(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** Passes bytes through to the original stream and keeps each completed line. */
  private final class LineTee extends OutputStream {
    private final PrintStream original;
    private final String name;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineTee(PrintStream original, String name) {
      this.original = original;
      this.name = name;
    }

    @Override
    public synchronized void write(int b) {
      original.write(b);
      if (b == '\n') {
        endLine();
      } else {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      original.write(b, off, len);
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          endLine();
        } else {
          line.write(b[i]);
        }
      }
    }

    @Override
    public void flush() {
      original.flush();
    }

    private void endLine() {
      add(name + ": " + new String(line.toByteArray(), StandardCharsets.UTF_8));
      line.reset();
    }
  }
}
