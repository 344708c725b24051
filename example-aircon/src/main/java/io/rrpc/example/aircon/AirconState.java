package io.rrpc.example.aircon;

import com.google.gson.JsonObject;
import java.util.Locale;

/** An immutable snapshot of the {@link AirConditioner}'s state. */
public final class AirconState {
  private final boolean powered;
  private final AirConditioner.Mode mode;
  private final int targetCelsius;
  private final AirConditioner.FanSpeed fanSpeed;

  AirconState(boolean powered, AirConditioner.Mode mode, int targetCelsius, AirConditioner.FanSpeed fanSpeed) {
    this.powered = powered;
    this.mode = mode;
    this.targetCelsius = targetCelsius;
    this.fanSpeed = fanSpeed;
  }

  public boolean powered() {
    return powered;
  }

  public AirConditioner.Mode mode() {
    return mode;
  }

  public int targetCelsius() {
    return targetCelsius;
  }

  public AirConditioner.FanSpeed fanSpeed() {
    return fanSpeed;
  }

  /**
   * The state as the {@code status} reply shows it:
   * {@code {"power":"on","mode":"cool","celsius":24,"fan":"auto"}}. Built as a Gson tree, so no
   * reflection is involved in writing it.
   */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("power", powered ? "on" : "off");
    json.addProperty("mode", mode.name().toLowerCase(Locale.ROOT));
    json.addProperty("celsius", targetCelsius);
    json.addProperty("fan", fanSpeed.name().toLowerCase(Locale.ROOT));
    return json;
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
