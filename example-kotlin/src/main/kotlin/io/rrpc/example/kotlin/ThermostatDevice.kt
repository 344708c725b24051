package io.rrpc.example.kotlin

import io.rrpc.runtime.RrpcDispatcher

/** Every dispatcher of this device, as a Kotlin application wires them onto `RrpcDevice.builder()`. */
fun thermostatDispatchers(thermostat: Thermostat): List<RrpcDispatcher> = listOf(
  ThermostatCommands_RrpcDispatcher(ThermostatCommands(thermostat)),
  ThermostatCommands_Companion_RrpcDispatcher(ThermostatCommands.Companion),
  Diagnostics_RrpcDispatcher(Diagnostics),
)
