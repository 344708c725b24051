package io.rrpc.example.aircon;

import com.google.gson.JsonObject;
import io.rrpc.annotations.RrpcCommand;
import io.rrpc.annotations.RrpcParam;
import io.rrpc.runtime.RrpcException;
import javax.inject.Inject;

/**
 * JSON commands that change the climate settings, for example
 * {@code {"method":"setTemperature","params":{"celsius":24}}}. Each replies with the new state; a value
 * out of range is refused with an {@code invalid_params} error reply and changes nothing.
 */
public final class ClimateCommands {
  private final AirConditioner aircon;

  @Inject
  public ClimateCommands(AirConditioner aircon) {
    this.aircon = aircon;
  }

  /** {@code setTemperature} with {@code celsius} from 16 to 30. */
  @RrpcCommand("setTemperature")
  public JsonObject setTemperature(@RrpcParam("celsius") int celsius) {
    if (celsius < AirConditioner.MIN_CELSIUS || celsius > AirConditioner.MAX_CELSIUS) {
      throw RrpcException.invalidParams("celsius must be between " + AirConditioner.MIN_CELSIUS
          + " and " + AirConditioner.MAX_CELSIUS + ", was " + celsius);
    }
    aircon.setTargetCelsius(celsius);
    return aircon.state().toJson();
  }

  /**
   * {@code setMode} with {@code mode} one of {@code cool}, {@code heat}, {@code fan}, {@code auto}
   * (lower case, as Tencent's data templates name them; the runtime matches enum names in any case).
   */
  @RrpcCommand("setMode")
  public JsonObject setMode(@RrpcParam("mode") AirConditioner.Mode mode) {
    aircon.setMode(required(mode, "mode"));
    return aircon.state().toJson();
  }

  /** {@code setFanSpeed} with {@code speed} one of {@code low}, {@code medium}, {@code high}, {@code auto}. */
  @RrpcCommand("setFanSpeed")
  public JsonObject setFanSpeed(@RrpcParam("speed") AirConditioner.FanSpeed speed) {
    aircon.setFanSpeed(required(speed, "speed"));
    return aircon.state().toJson();
  }

  /** Enum parameters are optional to the runtime; these commands need theirs. */
  private static <E> E required(E value, String param) {
    if (value == null) {
      throw RrpcException.invalidParams("param \"" + param + "\" is required");
    }
    return value;
  }
}
