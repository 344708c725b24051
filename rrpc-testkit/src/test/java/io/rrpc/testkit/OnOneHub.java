package io.rrpc.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class whose tests share one broker and hub simulator, started before the first test and
 * closed after the last. (This module's tests cannot use rrpc-testkit-junit5's extension: that module
 * depends on this one.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnOneHub {
  private TestHub testHub;

  /** Starts the broker and simulator this class runs on. */
  abstract TestHub startHub();

  @BeforeAll
  final void startTheHub() {
    testHub = startHub();
  }

  @AfterAll
  final void stopTheHub() {
    if (testHub != null) {
      testHub.close();
    }
  }

  /** The class's broker. */
  final LocalBroker broker() {
    return testHub.broker;
  }

  /** The simulator on {@link #broker()}. */
  final HubSimulator hub() {
    return testHub.hub;
  }
}
