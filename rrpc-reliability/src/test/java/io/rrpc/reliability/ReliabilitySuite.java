package io.rrpc.reliability;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Applied to every test class of the module (extension autodetection, see
 * {@code junit-platform.properties}): captures everything the JVM logs or prints, fails a class during
 * which a {@linkplain SuiteSecrets secret} appeared, and has RELIABILITY.md written when the run ends.
 */
public final class ReliabilitySuite implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ReliabilitySuite.class);
  /** Lines scanned for secrets so far in this JVM. */
  static final AtomicLong SCANNED = new AtomicLong();

  @Override
  public void beforeAll(ExtensionContext context) {
    SuiteLog.INSTANCE.install();
    // The root store closes its values when the whole run ends: the moment to write the report.
    context.getRoot().getStore(NS).getOrComputeIfAbsent("report", k -> new ReportWriter(), ReportWriter.class);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String> lines = SuiteLog.INSTANCE.drain();
    SCANNED.addAndGet(lines.size());
    String leak = SuiteSecrets.findLeak(lines);
    if (leak != null) {
      throw new AssertionError("a secret appeared in the output of " + context.getDisplayName() + ":\n" + leak);
    }
    if (!context.getExecutionException().isPresent()) {
      ReliabilityReport.INSTANCE.contributed(context.getRequiredTestClass().getSimpleName());
    }
  }

  /** Writes RELIABILITY.md when JUnit closes the root store at the end of the run. */
  static final class ReportWriter implements AutoCloseable {
    @Override
    public void close() {
      ReliabilityReport.INSTANCE.write();
    }
  }
}
