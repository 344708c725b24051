package com.example.aircon;

import com.google.gson.JsonObject;
import io.rrpc.annotations.RrpcCommand;
import io.rrpc.annotations.RrpcFallback;
import io.rrpc.annotations.RrpcParam;
import io.rrpc.runtime.RrpcRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The representative handler class whose generated sources are kept as golden files beside it. */
public final class AirconCommands {
  public enum Mode { COOL, HEAT, FAN }

  public static final class Schedule {
    int hour;
  }

  @RrpcCommand("closed")
  public String close() {
    return "ok";
  }

  @RrpcCommand({"open", "on"})
  public void open() {}

  @RrpcCommand("setTemperature")
  public String setTemperature(
      @RrpcParam("celsius") int celsius, @RrpcParam("mode") Mode mode, @RrpcParam("fan") Integer fan) {
    return "set";
  }

  @RrpcCommand("schedule")
  public int schedule(@RrpcParam("at") List<Schedule> at, @RrpcParam("default") Schedule fallback) {
    return at.size();
  }

  @RrpcCommand("status")
  public CompletionStage<JsonObject> status() {
    return CompletableFuture.completedFuture(new JsonObject());
  }

  @RrpcCommand("say")
  public static byte[] say(String text, byte[] payload) {
    return payload;
  }

  @RrpcFallback
  public String unknown(RrpcRequest request) {
    return "unsupported: " + request.commandKey();
  }
}
