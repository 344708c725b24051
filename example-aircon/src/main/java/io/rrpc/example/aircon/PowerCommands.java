package io.rrpc.example.aircon;

import com.google.gson.JsonObject;
import io.rrpc.annotations.RrpcCommand;
import javax.inject.Inject;

/**
 * Power and status commands, as in Tencent's airConditioner1 RRPC demo: the cloud sends {@code closed}
 * and the device replies {@code ok}.
 */
public final class PowerCommands {
  private final AirConditioner aircon;

  @Inject
  public PowerCommands(AirConditioner aircon) {
    this.aircon = aircon;
  }

  /** {@code closed} → powers the unit off, replies {@code ok}. */
  @RrpcCommand("closed")
  public String close() {
    aircon.powerOff();
    return "ok";
  }

  /** {@code open} → powers the unit on, replies {@code ok}. */
  @RrpcCommand("open")
  public String open() {
    aircon.powerOn();
    return "ok";
  }

  /** {@code status} → {@code {"power":"on","mode":"auto","celsius":26,"fan":"auto"}}. */
  @RrpcCommand("status")
  public JsonObject status() {
    return aircon.state().toJson();
  }
}
