package io.rrpc.reliability;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.rrpc.annotations.RrpcCommand;
import io.rrpc.annotations.RrpcFallback;
import io.rrpc.annotations.RrpcParam;
import io.rrpc.runtime.RrpcRequest;

/**
 * Handlers that bind every kind of parameter the processor supports, so that fuzzing the generated
 * {@code FuzzCommands_RrpcDispatcher} exercises every conversion. None of them throws on its own.
 */
public final class FuzzCommands {
  /** A small enum parameter. */
  public enum Mode { COOL, HEAT, AUTO }

  @RrpcCommand("primitives")
  public String primitives(@RrpcParam("b") boolean b, @RrpcParam("y") byte y, @RrpcParam("s") short s,
      @RrpcParam("i") int i, @RrpcParam("l") long l, @RrpcParam("f") float f, @RrpcParam("d") double d,
      @RrpcParam("c") char c) {
    return b + " " + y + " " + s + " " + i + " " + l + " " + f + " " + d + " " + c;
  }

  @RrpcCommand("boxes")
  public String boxes(@RrpcParam("b") Boolean b, @RrpcParam("y") Byte y, @RrpcParam("s") Short s,
      @RrpcParam("i") Integer i, @RrpcParam("l") Long l, @RrpcParam("f") Float f, @RrpcParam("d") Double d,
      @RrpcParam("c") Character c) {
    return b + " " + y + " " + s + " " + i + " " + l + " " + f + " " + d + " " + c;
  }

  @RrpcCommand("json")
  public JsonObject json(@RrpcParam("o") JsonObject o, @RrpcParam("a") JsonArray a, @RrpcParam("e") JsonElement e,
      @RrpcParam("text") String text, @RrpcParam("mode") Mode mode) {
    JsonObject out = new JsonObject();
    out.add("o", o);
    out.add("a", a);
    out.add("e", e);
    out.addProperty("text", text);
    out.addProperty("mode", mode == null ? null : mode.name());
    return out;
  }

  @RrpcCommand({"raw", "bytes"})
  public byte[] raw(byte[] payload, String argumentText) {
    return argumentText.length() > payload.length ? new byte[0] : payload;
  }

  @RrpcCommand("request")
  public long request(RrpcRequest request) {
    return request.payload().length + request.processId().length();
  }

  @RrpcFallback
  public String unknown(RrpcRequest request) {
    return "unsupported: " + request.commandKey();
  }
}
