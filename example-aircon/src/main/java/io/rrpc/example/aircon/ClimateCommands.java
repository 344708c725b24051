package io.rrpc.example.aircon;

import com.google.gson.JsonObject;
import io.rrpc.annotations.RrpcCommand;
import io.rrpc.annotations.RrpcParam;
import io.rrpc.runtime.RrpcException;
import java.util.Locale;
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

  /** {@code setMode} with {@code mode} one of {@code cool}, {@code heat}, {@code fan}, {@code auto}. */
  @RrpcCommand("setMode")
  public JsonObject setMode(@RrpcParam("mode") String mode) {
    aircon.setMode(parse(AirConditioner.Mode.values(), "mode", mode));
    return aircon.state().toJson();
  }

  /** {@code setFanSpeed} with {@code speed} one of {@code low}, {@code medium}, {@code high}, {@code auto}. */
  @RrpcCommand("setFanSpeed")
  public JsonObject setFanSpeed(@RrpcParam("speed") String speed) {
    aircon.setFanSpeed(parse(AirConditioner.FanSpeed.values(), "speed", speed));
    return aircon.state().toJson();
  }

  /** Lower-case names on the wire, as Tencent's data templates use them. */
  private static <E extends Enum<E>> E parse(E[] values, String param, String text) {
    StringBuilder allowed = new StringBuilder();
    for (E value : values) {
      String name = value.name().toLowerCase(Locale.ROOT);
      if (name.equals(text)) {
        return value;
      }
      allowed.append(allowed.length() == 0 ? "" : ", ").append(name);
    }
    String problem = text == null ? param + " is required" : param + " \"" + text + "\" is unknown";
    throw RrpcException.invalidParams(problem + "; use one of: " + allowed);
  }
}
