package io.rrpc.runtime.it;

import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.FaultProxy;
import org.junit.jupiter.api.AfterEach;

/**
 * A device that reaches the broker through a {@link FaultProxy}, so a test can cut or refuse its
 * connections while the hub's own connection stays up.
 */
abstract class ThroughFaultProxy extends DeviceTestBase {
  FaultProxy proxy;

  /** The device reaches the broker through the proxy; the hub connects directly. */
  @Override
  RrpcDevice.Builder builder() {
    if (proxy == null) {
      proxy = FaultProxy.to(broker);
    }
    return super.builder().brokerUri(proxy.uri());
  }

  /** The device goes first, so that it does not see the proxy go. */
  @Override
  @AfterEach
  void closeDevice() {
    super.closeDevice();
    if (proxy != null) {
      proxy.close();
    }
  }
}
