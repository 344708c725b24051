package io.rrpc.hub;

/** One line per log record, in the runtime's style, unless the user configured logging. */
final class ConsoleLogging {
  private ConsoleLogging() {}

  static void install() {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %5$s%6$s%n");
    }
  }
}
