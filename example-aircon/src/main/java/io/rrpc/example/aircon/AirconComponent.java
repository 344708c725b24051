package io.rrpc.example.aircon;

import dagger.BindsInstance;
import dagger.Component;
import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcConnectionListener;
import io.rrpc.runtime.RrpcDevice;
import javax.inject.Singleton;

/**
 * The airConditioner1 application. Each command class contributes its generated dispatcher through its
 * generated {@code <Class>_RrpcModule}; adding a command class means adding its module here, and
 * nothing else.
 */
@Singleton
@Component(modules = {
    AirconModule.class,
    PowerCommands_RrpcModule.class,
    ClimateCommands_RrpcModule.class,
    DiagnosticsCommands_RrpcModule.class,
})
public interface AirconComponent {
  /** The device, not yet started. */
  RrpcDevice device();

  /** The air conditioner the commands act on. */
  AirConditioner airConditioner();

  /** Creates the component for one device identity and broker. */
  static AirconComponent create(DeviceInfo deviceInfo, BrokerAddress broker) {
    return create(deviceInfo, broker, new RrpcConnectionListener() {});
  }

  /** Creates the component for one device identity and broker, telling {@code listener} its connection events. */
  static AirconComponent create(DeviceInfo deviceInfo, BrokerAddress broker, RrpcConnectionListener listener) {
    return DaggerAirconComponent.factory().create(deviceInfo, broker, listener);
  }

  /** Takes what only the caller knows: who the device is, where it connects, who hears of its connection. */
  @Component.Factory
  interface Factory {
    AirconComponent create(@BindsInstance DeviceInfo deviceInfo, @BindsInstance BrokerAddress broker,
        @BindsInstance RrpcConnectionListener listener);
  }
}
