package io.rrpc.example.aircon;

import dagger.Module;
import dagger.Provides;
import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcConnectionListener;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcDispatcher;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * Provides the device: the identity and broker given to the component, plus every command class's
 * dispatcher, which the generated {@code *_RrpcModule}s contribute into the set.
 */
@Module
public abstract class AirconModule {
  private AirconModule() {}

  @Provides
  @Singleton
  static RrpcDevice device(DeviceInfo deviceInfo, BrokerAddress broker, RrpcConnectionListener listener,
      Set<RrpcDispatcher> dispatchers) {
    RrpcDevice.Builder builder = RrpcDevice.builder().deviceInfo(deviceInfo).dispatchers(dispatchers)
        .connectionListener(listener);
    if (broker.uri() != null) {
      builder.brokerUri(broker.uri());
    }
    return builder.build();
  }

  /** The clock of the asynchronous self-test: one daemon thread, so it never keeps the JVM alive. */
  @Provides
  @Singleton
  @Named("diagnostics")
  static ScheduledExecutorService diagnosticsScheduler() {
    return Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "aircon-diagnostics");
      thread.setDaemon(true);
      return thread;
    });
  }
}
