package io.rrpc.testkit;

import org.opentest4j.TestAbortedException;

/**
 * The exception that makes the test framework skip the calling test: opentest4j's, which JUnit 5 reports
 * as aborted. opentest4j is an optional dependency of the testkit, present on every JUnit 5 classpath;
 * this class is loaded only when a test is skipped, so an application using the testkit without a test
 * framework never needs it.
 */
final class TestSkip {
  private TestSkip() {}

  /** The exception to throw to skip, or an {@link IllegalStateException} when no test framework is there. */
  static RuntimeException because(String reason) {
    try {
      return Aborted.create(reason);
    } catch (NoClassDefFoundError noTestFramework) {
      return new IllegalStateException(reason + " (and no test framework on the classpath to skip the test with)");
    }
  }

  /** Separate, so that a missing opentest4j fails only here, where it is caught. */
  private static final class Aborted {
    static RuntimeException create(String reason) {
      return new TestAbortedException(reason);
    }
  }
}
