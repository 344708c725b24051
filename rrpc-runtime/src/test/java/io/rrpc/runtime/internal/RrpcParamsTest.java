package io.rrpc.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.reflect.TypeToken;
import io.rrpc.runtime.RrpcException;
import io.rrpc.runtime.RrpcRequest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Binding {@code "params"} members to handler parameter types, and the invalid_params messages. */
class RrpcParamsTest {
  enum Mode { COOL, HEAT }

  /** Two constants that differ only in case. */
  enum Clash { auto, AUTO, Manual }

  static RrpcRequest params(String json) {
    return RrpcRequest.of("1", "{\"method\":\"m\",\"params\":" + json + "}");
  }

  static void invalid(String message, Executable call) {
    RrpcException e = assertThrows(RrpcException.class, call);
    assertEquals(RrpcException.INVALID_PARAMS, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  void integers() {
    RrpcRequest r = params("{\"a\":24,\"b\":1e3,\"c\":24.0,\"d\":24.5,\"e\":3000000000,\"f\":\"24\",\"g\":null}");
    assertEquals(24, RrpcParams.requireInt(r, "a"));
    assertEquals(1000, RrpcParams.requireInt(r, "b"));
    assertEquals(24, RrpcParams.requireInt(r, "c"));
    invalid("param \"d\" must be a 32-bit integer", () -> RrpcParams.requireInt(r, "d"));
    invalid("param \"e\" must be a 32-bit integer", () -> RrpcParams.requireInt(r, "e"));
    assertEquals(3000000000L, RrpcParams.requireLong(r, "e"));
    invalid("param \"f\" must be a 32-bit integer", () -> RrpcParams.requireInt(r, "f"));
    invalid("param \"g\" is required", () -> RrpcParams.requireInt(r, "g"));
    invalid("param \"missing\" is required", () -> RrpcParams.requireInt(r, "missing"));
    assertNull(RrpcParams.optionalInt(r, "g"));
    assertNull(RrpcParams.optionalInt(r, "missing"));
    assertEquals(Integer.valueOf(24), RrpcParams.optionalInt(r, "a"));
  }

  @Test
  void aParameterDeclaredNonNullIsRequiredLikeAPrimitive() {
    RrpcRequest r = params("{\"name\":\"hall\",\"gone\":null,\"mode\":\"COOL\"}");
    assertEquals("hall", RrpcParams.requirePresent(RrpcParams.optionalString(r, "name"), "name"));
    assertEquals(Mode.COOL,
        RrpcParams.requirePresent(RrpcParams.optionalEnum(r, "mode", Mode.values()), "mode"));
    invalid("param \"missing\" is required",
        () -> RrpcParams.requirePresent(RrpcParams.optionalString(r, "missing"), "missing"));
    invalid("param \"gone\" is required",
        () -> RrpcParams.requirePresent(RrpcParams.optionalInt(r, "gone"), "gone"));
    // The very message a missing primitive gets, so callers see one wording for "required".
    RrpcException primitive = assertThrows(RrpcException.class, () -> RrpcParams.requireInt(r, "missing"));
    RrpcException nonNull = assertThrows(RrpcException.class,
        () -> RrpcParams.requirePresent(RrpcParams.optionalInt(r, "missing"), "missing"));
    assertEquals(primitive.getMessage(), nonNull.getMessage());
  }

  @Test
  void narrowIntegersAndHugeNumbers() {
    RrpcRequest r = params("{\"small\":127,\"big\":300,\"huge\":1e999999999,\"long\":123456789012345678901234567890123456789012}");
    assertEquals(127, RrpcParams.requireByte(r, "small"));
    invalid("param \"big\" must be an integer from -128 to 127", () -> RrpcParams.requireByte(r, "big"));
    assertEquals(300, RrpcParams.requireShort(r, "big"));
    invalid("param \"huge\" must be a 64-bit integer", () -> RrpcParams.requireLong(r, "huge"));
    invalid("param \"long\" must be a 64-bit integer", () -> RrpcParams.requireLong(r, "long"));
  }

  @Test
  void floatingPoint() {
    RrpcRequest r = params("{\"t\":24.5,\"i\":3,\"big\":1e300,\"s\":\"1\"}");
    assertEquals(24.5, RrpcParams.requireDouble(r, "t"));
    assertEquals(3.0f, RrpcParams.requireFloat(r, "i"));
    invalid("param \"big\" must be a number within float range", () -> RrpcParams.requireFloat(r, "big"));
    invalid("param \"s\" must be a number", () -> RrpcParams.requireDouble(r, "s"));
  }

  @Test
  void booleansCharsAndStrings() {
    RrpcRequest r = params("{\"on\":true,\"n\":1,\"c\":\"x\",\"cc\":\"xy\",\"name\":\"kitchen\"}");
    assertEquals(true, RrpcParams.requireBoolean(r, "on"));
    invalid("param \"n\" must be true or false", () -> RrpcParams.requireBoolean(r, "n"));
    assertEquals('x', RrpcParams.requireChar(r, "c"));
    invalid("param \"cc\" must be a one-character string", () -> RrpcParams.requireChar(r, "cc"));
    assertEquals("kitchen", RrpcParams.optionalString(r, "name"));
    invalid("param \"n\" must be a string", () -> RrpcParams.optionalString(r, "n"));
  }

  @Test
  void enumsWithoutReflection() {
    RrpcRequest r = params("{\"mode\":\"HEAT\",\"bad\":\"warm\"}");
    assertEquals(Mode.HEAT, RrpcParams.optionalEnum(r, "mode", Mode.values()));
    invalid("param \"bad\" must be one of COOL, HEAT", () -> RrpcParams.optionalEnum(r, "bad", Mode.values()));
    assertNull(RrpcParams.optionalEnum(r, "none", Mode.values()));
  }

  @Test
  void enumNamesMatchInAnyCase() {
    RrpcRequest r = params("{\"lower\":\"heat\",\"mixed\":\"Cool\"}");
    assertEquals(Mode.HEAT, RrpcParams.optionalEnum(r, "lower", Mode.values()));
    assertEquals(Mode.COOL, RrpcParams.optionalEnum(r, "mixed", Mode.values()));
  }

  @Test
  void anEnumNameMatchingTwoConstantsIgnoringCaseIsInvalidParams() {
    RrpcRequest r = params("{\"m\":\"Auto\",\"exact\":\"AUTO\",\"one\":\"MANUAL\"}");
    invalid("param \"m\" is ambiguous: \"Auto\" matches both auto and AUTO; use the exact name",
        () -> RrpcParams.optionalEnum(r, "m", Clash.values()));
    // The exact name is never ambiguous.
    assertEquals(Clash.AUTO, RrpcParams.optionalEnum(r, "exact", Clash.values()));
    assertEquals(Clash.Manual, RrpcParams.optionalEnum(r, "one", Clash.values()));
  }

  @Test
  void jsonTreesAndGsonBinding() {
    RrpcRequest r = params("{\"o\":{\"k\":1},\"a\":[1,2],\"n\":5}");
    assertEquals(1, RrpcParams.optionalJsonObject(r, "o").get("k").getAsInt());
    assertEquals(2, RrpcParams.optionalJsonArray(r, "a").size());
    invalid("param \"n\" must be an object", () -> RrpcParams.optionalJsonObject(r, "n"));
    invalid("param \"n\" must be an array", () -> RrpcParams.optionalJsonArray(r, "n"));
    assertEquals(Arrays.asList(1, 2), RrpcParams.optionalGson(r, "a", new TypeToken<List<Integer>>() {}));
    RrpcException e = assertThrows(RrpcException.class,
        () -> RrpcParams.optionalGson(r, "o", new TypeToken<List<Integer>>() {}));
    assertEquals(RrpcException.INVALID_PARAMS, e.code());
  }

  @Test
  void textRequestsHaveNoParams() {
    RrpcRequest r = RrpcRequest.of("1", "setTemperature 24");
    invalid("param \"celsius\" is required", () -> RrpcParams.requireInt(r, "celsius"));
    assertEquals(0, r.params().size());
    assertEquals(TimeUnit.SECONDS.toMillis(4), Math.round(r.remaining(TimeUnit.MILLISECONDS) / 1000.0) * 1000);
  }
}
