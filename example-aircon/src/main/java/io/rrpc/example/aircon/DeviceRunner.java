package io.rrpc.example.aircon;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcConnectionListener;
import io.rrpc.runtime.RrpcDevice;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code --device-info} mode: runs airConditioner1 as a real device against Tencent's hub (or the
 * given broker) until the JVM is asked to stop, then closes it gracefully: no new requests, in-flight
 * ones answered, then disconnect.
 */
final class DeviceRunner {
  private final DeviceInfo deviceInfo;
  private final BrokerAddress broker;
  private final PrintStream out;

  DeviceRunner(DeviceInfo deviceInfo, BrokerAddress broker, PrintStream out) {
    this.deviceInfo = deviceInfo;
    this.broker = broker;
    this.out = out;
  }

  /** Starts the device and blocks until Ctrl-C (or any JVM shutdown) has closed it. */
  void run() throws InterruptedException {
    String name = deviceInfo.productId() + "/" + deviceInfo.deviceName();
    // The runtime logs its happy path at FINE: what the person at the console needs to see is said here,
    // through the connection events any application can use (an online LED, a watchdog).
    RrpcConnectionListener console = new RrpcConnectionListener() {
      @Override
      public void subscribed(String topicFilter) {
        out.println(name + " serving: subscribed to " + topicFilter);
      }

      @Override
      public void disconnected(Throwable cause) {
        out.println(name + " offline: " + cause.getMessage() + "; reconnecting");
      }
    };
    RrpcDevice device = AirconComponent.create(deviceInfo, broker, console).device();
    out.println("starting " + name + " on " + broker + "; Ctrl-C stops it (in-flight requests are answered first)");
    device.start();
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      device.close();
      closed.countDown();
    }, "aircon-shutdown"));
    closed.await();
  }
}
