package io.rrpc.example.kotlin

/** How hard the fan blows; requests name it by its constant (`"fan":"HIGH"`). */
enum class FanSpeed { LOW, MEDIUM, HIGH, AUTO }

/** A timed change of the target, bound from JSON by Gson (`"schedule":{"at":"07:30","celsius":22}`). */
data class Schedule(val at: String, val celsius: Int)

/** The device's state: what the commands change and report. Thread-safe: requests run on worker threads. */
class Thermostat {
  @Volatile var celsius: Int = 21
  @Volatile var fan: FanSpeed = FanSpeed.AUTO
  @Volatile var name: String = "thermostat"
  @Volatile var schedule: Schedule? = null

  /** The state as the `status` reply shows it. */
  fun describe(): String = "$name: $celsius C, fan $fan" + (schedule?.let { ", at ${it.at} ${it.celsius} C" } ?: "")
}
