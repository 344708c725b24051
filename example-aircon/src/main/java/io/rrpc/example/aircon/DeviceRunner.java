package io.rrpc.example.aircon;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code --device-info} mode: runs airConditioner1 as a real device against Tencent's hub (or the
 * given broker) until the JVM is asked to stop, then closes it gracefully: no new requests, in-flight
 * ones answered, then disconnect.
 */
final class DeviceRunner {
  private final DeviceInfo deviceInfo;
  private final BrokerAddress broker;

  DeviceRunner(DeviceInfo deviceInfo, BrokerAddress broker) {
    this.deviceInfo = deviceInfo;
    this.broker = broker;
  }

  /** Starts the device and blocks until Ctrl-C (or any JVM shutdown) has closed it. */
  void run() throws InterruptedException {
    RrpcDevice device = AirconComponent.create(deviceInfo, broker).device();
    device.start();
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      device.close();
      closed.countDown();
    }, "aircon-shutdown"));
    closed.await();
  }
}
