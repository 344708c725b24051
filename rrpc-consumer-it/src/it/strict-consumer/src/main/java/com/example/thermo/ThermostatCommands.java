package com.example.thermo;

import io.rrpc.annotations.RrpcCommand;
import io.rrpc.annotations.RrpcParam;

/** The one command class of this consumer build: a thermostat's target temperature. */
public final class ThermostatCommands {
  private volatile int celsius = 21;

  /**
   * Sets the target temperature.
   *
   * @param celsius the new target
   * @return the target, as {@code celsius=N}
   */
  @RrpcCommand("setTemperature")
  public String setTemperature(@RrpcParam("celsius") int celsius) {
    this.celsius = celsius;
    return "celsius=" + celsius;
  }

  /**
   * Reports the target temperature.
   *
   * @return the target, as {@code celsius=N}
   */
  @RrpcCommand("status")
  public String status() {
    return "celsius=" + celsius;
  }
}
