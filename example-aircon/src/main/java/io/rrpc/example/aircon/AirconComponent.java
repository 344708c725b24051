package io.rrpc.example.aircon;

import dagger.BindsInstance;
import dagger.Component;
import io.rrpc.runtime.DeviceInfo;
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
    return DaggerAirconComponent.factory().create(deviceInfo, broker);
  }

  /** Takes what only the caller knows: who the device is and where it connects. */
  @Component.Factory
  interface Factory {
    AirconComponent create(@BindsInstance DeviceInfo deviceInfo, @BindsInstance BrokerAddress broker);
  }
}
