package io.rrpc.testkit;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The end-to-end suite on Debian's Mosquitto, an independent broker; skipped when it is not installed. */
class RrpcDeviceOnMosquittoTest extends RrpcDeviceEndToEndContract {
  @RegisterExtension
  static final RrpcHubExtension HUB = RrpcHubExtension.mosquitto().withRrpcTimeout(HUB_TIMEOUT);
}
