package io.rrpc.hub;

import java.util.logging.Level;
import java.util.logging.Logger;

/** One line per log record, in the runtime's style, unless the user configured logging. */
final class ConsoleLogging {
  // Held strongly: java.util.logging forgets the level of a logger nobody references.
  private static final Logger TESTKIT_BROKER = Logger.getLogger("io.rrpc.testkit.broker");

  private ConsoleLogging() {}

  static void install() {
    // The hub logs each refused login with its reason itself (BrokerConsole); the testkit's own line would repeat it.
    if (TESTKIT_BROKER.getLevel() == null) {
      TESTKIT_BROKER.setLevel(Level.WARNING);
    }
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %5$s%6$s%n");
    }
  }
}
