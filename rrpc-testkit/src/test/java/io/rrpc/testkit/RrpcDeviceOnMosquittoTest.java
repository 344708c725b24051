package io.rrpc.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The end-to-end suite on Debian's Mosquitto, an independent broker; skipped when it is not installed. */
class RrpcDeviceOnMosquittoTest extends RrpcDeviceEndToEndContract {
  private static TestHub testHub;

  @BeforeAll
  static void start() {
    testHub = TestHub.mosquitto(HUB_TIMEOUT);
  }

  @AfterAll
  static void stop() {
    if (testHub != null) {
      testHub.close();
    }
  }

  @Override
  LocalBroker broker() {
    return testHub.broker;
  }

  @Override
  HubSimulator hub() {
    return testHub.hub;
  }
}
