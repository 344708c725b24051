package io.rrpc.testkit.junit5;

import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.LocalBroker;
import io.rrpc.testkit.MosquittoBroker;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts a broker and a {@link HubSimulator} once per test class, closes them
 * after the class, and injects them into constructors, lifecycle methods and tests: parameters of type
 * {@link HubSimulator}, {@link LocalBroker}, and {@link EmbeddedBroker} or {@link MosquittoBroker}
 * (whichever the extension runs).
 *
 * <pre>{@code
 * @ExtendWith(RrpcHubExtension.class)          // embedded broker, credentials checked, 4 s deadline
 * class AirconTest {
 *   @Test void closes(HubSimulator hub) { ... }
 * }
 *
 * class FastTimeoutTest {
 *   @RegisterExtension
 *   static final RrpcHubExtension HUB = RrpcHubExtension.embedded().withRrpcTimeout(Duration.ofMillis(500));
 * }
 *
 * class OnMosquittoTest {
 *   @RegisterExtension static final RrpcHubExtension HUB = RrpcHubExtension.mosquitto();
 * }
 * }</pre>
 *
 * The broker and simulator live in the outermost test class (so {@code @Nested} classes share them)
 * and are started on first use. With {@link #mosquitto()}, a class is skipped when the binary is absent,
 * or fails under {@code -Drrpc.it.mosquitto=required}. Instances are immutable.
 *
 * <p>This lives in {@code rrpc-testkit-junit5}, apart from {@code rrpc-testkit}, so that an application
 * that runs the testkit's broker in its main code (a demo mode, a local hub) ships no JUnit.
 */
public final class RrpcHubExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RrpcHubExtension.class);

  private final boolean mosquitto;
  private final boolean checkCredentials;
  private final Duration rrpcTimeout;
  private final int payloadLimit;

  /** The embedded broker with the credential check and the hub's defaults; what {@code @ExtendWith} uses. */
  public RrpcHubExtension() {
    this(false, true, HubSimulator.DEFAULT_RRPC_TIMEOUT, HubSimulator.DEFAULT_PAYLOAD_LIMIT);
  }

  private RrpcHubExtension(boolean mosquitto, boolean checkCredentials, Duration rrpcTimeout, int payloadLimit) {
    this.mosquitto = mosquitto;
    this.checkCredentials = checkCredentials;
    this.rrpcTimeout = rrpcTimeout;
    this.payloadLimit = payloadLimit;
  }

  /**
   * On an {@link EmbeddedBroker} that checks device credentials.
   *
   * @return the extension, as {@code @ExtendWith(RrpcHubExtension.class)} makes it
   */
  public static RrpcHubExtension embedded() {
    return new RrpcHubExtension();
  }

  /**
   * On a {@link MosquittoBroker}, which takes any client.
   *
   * @return the extension; a class using it is skipped when mosquitto is not installed
   */
  public static RrpcHubExtension mosquitto() {
    return new RrpcHubExtension(true, false, HubSimulator.DEFAULT_RRPC_TIMEOUT, HubSimulator.DEFAULT_PAYLOAD_LIMIT);
  }

  /**
   * The same, with the simulator's RRPC deadline set to {@code timeout}.
   *
   * @param timeout how long a call waits for its reply; keep it below the device's own deadline
   * @return a new extension
   */
  public RrpcHubExtension withRrpcTimeout(Duration timeout) {
    return new RrpcHubExtension(mosquitto, checkCredentials, timeout, payloadLimit);
  }

  /**
   * The same, with the simulator's payload limit set to {@code bytes}.
   *
   * @param bytes the largest request payload; longer ones fail with {@code PayloadOverLimit}
   * @return a new extension
   */
  public RrpcHubExtension withPayloadLimit(int bytes) {
    return new RrpcHubExtension(mosquitto, checkCredentials, rrpcTimeout, bytes);
  }

  /**
   * The same, with an embedded broker that lets every client in.
   *
   * @return a new extension
   * @throws IllegalStateException on {@link #mosquitto()}, which checks no credentials anyway
   */
  public RrpcHubExtension withoutCredentialCheck() {
    if (mosquitto) {
      throw new IllegalStateException("mosquitto checks no credentials anyway");
    }
    return new RrpcHubExtension(false, false, rrpcTimeout, payloadLimit);
  }

  /** Starts the broker and the simulator, so that a missing mosquitto skips the whole class at once. */
  @Override
  public void beforeAll(ExtensionContext context) {
    // Starting here (not on first injection) makes a missing mosquitto skip the whole class at once.
    resources(context);
  }

  /** Parameters of type {@link HubSimulator}, {@link LocalBroker} and the broker's own class. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == HubSimulator.class
        || type == LocalBroker.class
        || (type == EmbeddedBroker.class && !mosquitto)
        || (type == MosquittoBroker.class && mosquitto);
  }

  /** The class's simulator or broker, started on first use. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Resources resources = resources(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == HubSimulator.class) {
      return resources.hub;
    }
    if (type.isInstance(resources.broker)) {
      return resources.broker;
    }
    throw new ParameterResolutionException("cannot inject " + type.getName());
  }

  private Resources resources(ExtensionContext context) {
    ExtensionContext outermost = context;
    while (outermost.getParent().isPresent() && outermost.getParent().get().getParent().isPresent()) {
      outermost = outermost.getParent().get();
    }
    return outermost.getStore(NAMESPACE).getOrComputeIfAbsent(this, k -> start(), Resources.class);
  }

  private Resources start() {
    LocalBroker broker = mosquitto ? MosquittoBroker.startOrSkip() : EmbeddedBroker.start(checkCredentials);
    try {
      HubSimulator hub = HubSimulator.builder()
          .broker(broker)
          .rrpcTimeout(rrpcTimeout)
          .payloadLimit(payloadLimit)
          .connect();
      return new Resources(broker, hub);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  /** What one test class uses; JUnit closes it with the class's context. */
  private static final class Resources implements AutoCloseable {
    final LocalBroker broker;
    final HubSimulator hub;

    Resources(LocalBroker broker, HubSimulator hub) {
      this.broker = broker;
      this.hub = hub;
    }

    @Override
    public void close() {
      try {
        hub.close();
      } finally {
        broker.close();
      }
    }
  }
}
