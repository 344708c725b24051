package io.rrpc.testkit;


/** The end-to-end suite on Debian's Mosquitto, an independent broker; skipped when it is not installed. */
class RrpcDeviceOnMosquittoTest extends RrpcDeviceEndToEndContract {
  @Override
  TestHub startHub() {
    return TestHub.mosquitto(HUB_TIMEOUT);
  }
}
