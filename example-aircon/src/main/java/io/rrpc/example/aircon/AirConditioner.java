package io.rrpc.example.aircon;

import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The air conditioner this device controls: power, mode, target temperature and fan speed.
 *
 * <p>Thread-safe: every change and every read goes through this object's monitor, and {@link #state()}
 * returns an immutable snapshot, so a status reply never mixes two changes.
 */
@Singleton
public final class AirConditioner {
  /** Lowest target temperature the unit accepts, in °C. */
  public static final int MIN_CELSIUS = 16;
  /** Highest target temperature the unit accepts, in °C. */
  public static final int MAX_CELSIUS = 30;

  private boolean powered = true;
  private Mode mode = Mode.AUTO;
  private int targetCelsius = 26;
  private FanSpeed fanSpeed = FanSpeed.AUTO;

  @Inject
  public AirConditioner() {}

  /** Turns the unit on; the previous mode, temperature and fan speed are kept. */
  public synchronized void powerOn() {
    powered = true;
  }

  /** Turns the unit off. */
  public synchronized void powerOff() {
    powered = false;
  }

  /**
   * Sets the target temperature.
   *
   * @throws IllegalArgumentException outside {@value #MIN_CELSIUS}..{@value #MAX_CELSIUS}; the state is
   *     then unchanged
   */
  public synchronized void setTargetCelsius(int celsius) {
    if (celsius < MIN_CELSIUS || celsius > MAX_CELSIUS) {
      throw new IllegalArgumentException(
          "celsius must be " + MIN_CELSIUS + ".." + MAX_CELSIUS + ", was " + celsius);
    }
    targetCelsius = celsius;
  }

  /** Sets the operating mode. */
  public synchronized void setMode(Mode mode) {
    if (mode == null) {
      throw new NullPointerException("mode");
    }
    this.mode = mode;
  }

  /** Sets the fan speed. */
  public synchronized void setFanSpeed(FanSpeed fanSpeed) {
    if (fanSpeed == null) {
      throw new NullPointerException("fanSpeed");
    }
    this.fanSpeed = fanSpeed;
  }

  /** A consistent snapshot of the whole state. */
  public synchronized AirconState state() {
    return new AirconState(powered, mode, targetCelsius, fanSpeed);
  }

  /** Operating modes. */
  public enum Mode {
    COOL, HEAT, FAN, AUTO
  }

  /** Fan speeds. */
  public enum FanSpeed {
    LOW, MEDIUM, HIGH, AUTO
  }
}
