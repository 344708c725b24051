package io.rrpc.runtime.it;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Applied to every test class of the module (JUnit extension autodetection, see
 * {@code junit-platform.properties}): captures all {@code io.rrpc} logging of the class at every level
 * and fails the class if a line contains any {@linkplain TestSecrets secret}.
 */
public final class NoSecretsInLogs implements BeforeAllCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoSecretsInLogs.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    LogCapture.install();
    context.getStore(NS).put("mark", LogCapture.INSTANCE.mark());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    int mark = context.getStore(NS).get("mark", Integer.class);
    String leak = findLeak(LogCapture.INSTANCE.linesSince(mark), TestSecrets.all());
    if (leak != null) {
      throw new AssertionError("a secret was logged by " + context.getDisplayName() + ":\n" + leak);
    }
  }

  /** The first line containing a secret, with the secret masked, or {@code null}. */
  static String findLeak(List<String> lines, List<String> secrets) {
    for (String line : lines) {
      for (String secret : secrets) {
        if (!secret.isEmpty() && line.contains(secret)) {
          return line.replace(secret, "<SECRET>");
        }
      }
    }
    return null;
  }
}
