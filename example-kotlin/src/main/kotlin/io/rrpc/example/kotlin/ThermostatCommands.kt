package io.rrpc.example.kotlin

import io.rrpc.annotations.RrpcCommand
import io.rrpc.annotations.RrpcParam
import java.util.concurrent.CompletableFuture

/**
 * The thermostat's commands, the Kotlin form of a command class. kapt shows the processor Java stubs:
 * `Int` is `int` (required), `String` carries `@NotNull` (so it is required too), `Int?` and `FanSpeed?`
 * are boxes and enums (null when absent), and the data class is bound by Gson. The processor writes `ThermostatCommands_RrpcDispatcher` for the instance
 * functions and `ThermostatCommands_Companion_RrpcDispatcher` for the companion object's.
 */
class ThermostatCommands(private val thermostat: Thermostat) {

  /** `{"method":"setTemperature","params":{"celsius":24,"fan":"HIGH"}}`: the fan stays as it is when absent. */
  @RrpcCommand("setTemperature")
  fun setTemperature(@RrpcParam("celsius") celsius: Int, @RrpcParam("fan") fan: FanSpeed?): String {
    thermostat.celsius = celsius
    if (fan != null) thermostat.fan = fan
    return thermostat.describe()
  }

  /** `{"method":"rename","params":{"name":"hall"}}`. */
  @RrpcCommand("rename")
  fun rename(@RrpcParam("name") name: String): String {
    thermostat.name = name
    return thermostat.describe()
  }

  /** `{"method":"schedule","params":{"schedule":{"at":"07:30","celsius":22}}}`. */
  @RrpcCommand("schedule")
  fun schedule(@RrpcParam("schedule") schedule: Schedule?): String {
    thermostat.schedule = schedule
    return thermostat.describe()
  }

  /** `status`, as text. */
  @RrpcCommand("status")
  fun status(): String = thermostat.describe()

  /** `selfTest`: answered when the check completes, off the worker thread (an asynchronous handler). */
  @RrpcCommand("selfTest")
  fun selfTest(): CompletableFuture<String> =
    CompletableFuture.supplyAsync { if (thermostat.celsius in 5..35) "pass" else "fail" }

  companion object {
    /** `version`: needs no thermostat, so it lives on the companion object. */
    @RrpcCommand("version")
    fun version(): String = "thermostat-kt 1.0"
  }
}

/** Commands with no state of their own: a Kotlin `object`, whose dispatcher takes the one instance. */
object Diagnostics {
  /** `ping` → `pong`. */
  @RrpcCommand("ping")
  fun ping(): String = "pong"
}
