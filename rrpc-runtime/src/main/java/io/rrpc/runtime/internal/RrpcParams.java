package io.rrpc.runtime.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.reflect.TypeToken;
import io.rrpc.runtime.RrpcException;
import io.rrpc.runtime.RrpcRequest;
import java.math.BigDecimal;

/**
 * Converts members of a JSON request's {@code "params"} to handler parameter types. For generated code;
 * not API: generated dispatchers call it, and it may change with the processor that writes them.
 *
 * <p>The {@code require*} methods are for primitive parameters: a missing, {@code null} or mistyped
 * member is an {@code invalid_params} {@link RrpcException} naming the member. The {@code optional*}
 * methods are for reference types and return {@code null} for a missing or {@code null} member;
 * {@link #requirePresent} turns that {@code null} into the same {@code invalid_params} for a parameter
 * declared non-null. Numbers must fit the target type exactly: {@code 24.5} is not an {@code int},
 * {@code 300} is not a {@code byte}.
 *
 * <p>Stateless and thread-safe.
 */
public final class RrpcParams {
  private RrpcParams() {}

  /**
   * The required member {@code name} as {@code boolean}; {@code invalid_params} if missing, null or not one.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value
   */
  public static boolean requireBoolean(RrpcRequest request, String name) {
    return toBoolean(require(request, name), name);
  }

  /**
   * The required member {@code name} as {@code byte}; {@code invalid_params} if missing, null or not one.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value
   */
  public static byte requireByte(RrpcRequest request, String name) {
    return toByte(require(request, name), name);
  }

  /**
   * The required member {@code name} as {@code short}; {@code invalid_params} if missing, null or not one.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value
   */
  public static short requireShort(RrpcRequest request, String name) {
    return toShort(require(request, name), name);
  }

  /**
   * The required member {@code name} as {@code int}; {@code invalid_params} if missing, null or not one.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value
   */
  public static int requireInt(RrpcRequest request, String name) {
    return toInt(require(request, name), name);
  }

  /**
   * The required member {@code name} as {@code long}; {@code invalid_params} if missing, null or not one.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value
   */
  public static long requireLong(RrpcRequest request, String name) {
    return toLong(require(request, name), name);
  }

  /**
   * The required member {@code name} as {@code float}; {@code invalid_params} if missing, null or not one.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value
   */
  public static float requireFloat(RrpcRequest request, String name) {
    return toFloat(require(request, name), name);
  }

  /**
   * The required member {@code name} as {@code double}; {@code invalid_params} if missing, null or not one.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value
   */
  public static double requireDouble(RrpcRequest request, String name) {
    return toDouble(require(request, name), name);
  }

  /**
   * The required member {@code name} as {@code char}; {@code invalid_params} if missing, null or not one.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value
   */
  public static char requireChar(RrpcRequest request, String name) {
    return toChar(require(request, name), name);
  }

  /**
   * The member {@code name} as {@code Boolean}, or {@code null} if missing or JSON null; {@code invalid_params} if mistyped.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value, or {@code null} if missing or JSON null
   */
  public static Boolean optionalBoolean(RrpcRequest request, String name) {
    JsonElement e = optional(request, name);
    return e == null ? null : toBoolean(e, name);
  }

  /**
   * The member {@code name} as {@code Byte}, or {@code null} if missing or JSON null; {@code invalid_params} if mistyped.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value, or {@code null} if missing or JSON null
   */
  public static Byte optionalByte(RrpcRequest request, String name) {
    JsonElement e = optional(request, name);
    return e == null ? null : toByte(e, name);
  }

  /**
   * The member {@code name} as {@code Short}, or {@code null} if missing or JSON null; {@code invalid_params} if mistyped.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value, or {@code null} if missing or JSON null
   */
  public static Short optionalShort(RrpcRequest request, String name) {
    JsonElement e = optional(request, name);
    return e == null ? null : toShort(e, name);
  }

  /**
   * The member {@code name} as {@code Integer}, or {@code null} if missing or JSON null; {@code invalid_params} if mistyped.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value, or {@code null} if missing or JSON null
   */
  public static Integer optionalInt(RrpcRequest request, String name) {
    JsonElement e = optional(request, name);
    return e == null ? null : toInt(e, name);
  }

  /**
   * The member {@code name} as {@code Long}, or {@code null} if missing or JSON null; {@code invalid_params} if mistyped.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value, or {@code null} if missing or JSON null
   */
  public static Long optionalLong(RrpcRequest request, String name) {
    JsonElement e = optional(request, name);
    return e == null ? null : toLong(e, name);
  }

  /**
   * The member {@code name} as {@code Float}, or {@code null} if missing or JSON null; {@code invalid_params} if mistyped.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value, or {@code null} if missing or JSON null
   */
  public static Float optionalFloat(RrpcRequest request, String name) {
    JsonElement e = optional(request, name);
    return e == null ? null : toFloat(e, name);
  }

  /**
   * The member {@code name} as {@code Double}, or {@code null} if missing or JSON null; {@code invalid_params} if mistyped.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value, or {@code null} if missing or JSON null
   */
  public static Double optionalDouble(RrpcRequest request, String name) {
    JsonElement e = optional(request, name);
    return e == null ? null : toDouble(e, name);
  }

  /**
   * The member {@code name} as {@code Character}, or {@code null} if missing or JSON null; {@code invalid_params} if mistyped.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member's value, or {@code null} if missing or JSON null
   */
  public static Character optionalChar(RrpcRequest request, String name) {
    JsonElement e = optional(request, name);
    return e == null ? null : toChar(e, name);
  }

  /**
   * A JSON string member as text; numbers and booleans are refused rather than silently converted.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return a JSON string member as text; numbers and booleans are refused rather than silently
   *     converted
   */
  public static String optionalString(RrpcRequest request, String name) {
    JsonElement e = optional(request, name);
    if (e == null) {
      return null;
    }
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
      return e.getAsString();
    }
    throw mistyped(name, "a string");
  }

  /**
   * The enum constant named by the member's string: the constant whose {@code name()} equals it, else
   * the one constant whose name equals it ignoring case ({@code "cool"} for {@code COOL}). A string
   * that matches no constant, or (ignoring case) two of them, is {@code invalid_params}. Takes the
   * constants (the generated code passes {@code E.values()}) so that no reflective {@code
   * Enum.valueOf} is involved.
   *
   * @param <E> the enum type
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @param constants the enum's constants, {@code E.values()}
   * @return the enum constant named by the member's string: the constant whose {@code name()}
   *     equals it, else the one constant whose name equals it ignoring case ({@code "cool"} for
   *     {@code COOL})
   */
  public static <E extends Enum<E>> E optionalEnum(RrpcRequest request, String name, E[] constants) {
    String text = optionalString(request, name);
    if (text == null) {
      return null;
    }
    for (E constant : constants) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    E match = null;
    for (E constant : constants) {
      if (constant.name().equalsIgnoreCase(text)) {
        if (match != null) {
          throw RrpcException.invalidParams("param \"" + name + "\" is ambiguous: \"" + abbreviate(text)
              + "\" matches both " + match.name() + " and " + constant.name() + "; use the exact name");
        }
        match = constant;
      }
    }
    if (match != null) {
      return match;
    }
    StringBuilder allowed = new StringBuilder();
    for (E constant : constants) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
    }
    throw RrpcException.invalidParams("param \"" + name + "\" must be one of " + allowed);
  }

  /** The caller's text goes into the reply: keep it short. */
  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }

  /**
   * The member as a JSON tree, or {@code null}.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member as a JSON tree, or {@code null}
   */
  public static JsonElement optionalJsonElement(RrpcRequest request, String name) {
    return optional(request, name);
  }

  /**
   * The member as a JSON object, or {@code null}.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member as a JSON object, or {@code null}
   */
  public static JsonObject optionalJsonObject(RrpcRequest request, String name) {
    JsonElement e = optional(request, name);
    if (e == null) {
      return null;
    }
    if (!e.isJsonObject()) {
      throw mistyped(name, "an object");
    }
    return e.getAsJsonObject();
  }

  /**
   * The member as a JSON array, or {@code null}.
   *
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @return the member as a JSON array, or {@code null}
   */
  public static JsonArray optionalJsonArray(RrpcRequest request, String name) {
    JsonElement e = optional(request, name);
    if (e == null) {
      return null;
    }
    if (!e.isJsonArray()) {
      throw mistyped(name, "an array");
    }
    return e.getAsJsonArray();
  }

  /**
   * The member bound by {@link SharedGson#gson()} to {@code type}, or {@code null}. This is the one path
   * that uses Gson's reflective binding; generated code calls it only for parameter types it cannot
   * convert itself.
   *
   * @param <T> the type of the value
   * @param request the request whose {@code "params"} member is read
   * @param name the member's name in {@code "params"}
   * @param type the type to bind the member to
   * @return the member bound by {@link SharedGson#gson()} to {@code type}, or {@code null}
   */
  public static <T> T optionalGson(RrpcRequest request, String name, TypeToken<T> type) {
    JsonElement e = optional(request, name);
    if (e == null) {
      return null;
    }
    try {
      return SharedGson.gson().fromJson(e, type);
    } catch (JsonParseException | IllegalStateException | NumberFormatException ex) {
      throw mistyped(name, "a valid " + type);
    }
  }

  /**
   * The value an {@code optional*} method read for a parameter declared non-null ({@code @NonNull},
   * {@code @NotNull}, a non-null Kotlin type); {@code invalid_params} if it is {@code null}, that is if
   * the member was missing or JSON null, with the message a missing primitive gets.
   *
   * @param <T> the parameter's type
   * @param value what the {@code optional*} method returned for the member
   * @param name the member's name in {@code "params"}
   * @return {@code value}, never {@code null}
   */
  public static <T> T requirePresent(T value, String name) {
    if (value == null) {
      throw RrpcException.invalidParams("param \"" + name + "\" is required");
    }
    return value;
  }

  private static JsonElement require(RrpcRequest request, String name) {
    return requirePresent(optional(request, name), name);
  }

  private static JsonElement optional(RrpcRequest request, String name) {
    JsonElement e = request.params().get(name);
    return e == null || e.isJsonNull() ? null : e;
  }

  private static boolean toBoolean(JsonElement e, String name) {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
      return e.getAsBoolean();
    }
    throw mistyped(name, "true or false");
  }

  private static byte toByte(JsonElement e, String name) {
    long v = integral(e, name, "an integer from -128 to 127");
    if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
      throw mistyped(name, "an integer from -128 to 127");
    }
    return (byte) v;
  }

  private static short toShort(JsonElement e, String name) {
    long v = integral(e, name, "an integer from -32768 to 32767");
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
      throw mistyped(name, "an integer from -32768 to 32767");
    }
    return (short) v;
  }

  private static int toInt(JsonElement e, String name) {
    long v = integral(e, name, "a 32-bit integer");
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw mistyped(name, "a 32-bit integer");
    }
    return (int) v;
  }

  private static long toLong(JsonElement e, String name) {
    return integral(e, name, "a 64-bit integer");
  }

  private static float toFloat(JsonElement e, String name) {
    double v = toDouble(e, name);
    if (Math.abs(v) > Float.MAX_VALUE) {
      throw mistyped(name, "a number within float range");
    }
    return (float) v;
  }

  private static double toDouble(JsonElement e, String name) {
    JsonPrimitive p = number(e, name, "a number");
    double v = p.getAsDouble();
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      throw mistyped(name, "a finite number");
    }
    return v;
  }

  private static char toChar(JsonElement e, String name) {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && e.getAsString().length() == 1) {
      return e.getAsString().charAt(0);
    }
    throw mistyped(name, "a one-character string");
  }

  private static long integral(JsonElement e, String name, String expected) {
    JsonPrimitive p = number(e, name, expected);
    String text = p.getAsString();
    // Plain integers (the common case) parse directly; anything else, such as 1e3 or 24.0 or a
    // thousand-digit number, goes through BigDecimal, whose exact conversion refuses fractions and
    // overflow. The length guard keeps a hostile exponent like 1e999999999 from costing anything.
    if (text.length() > 40) {
      throw mistyped(name, expected);
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notPlain) {
      try {
        return new BigDecimal(text).longValueExact();
      } catch (ArithmeticException | NumberFormatException e2) {
        throw mistyped(name, expected);
      }
    }
  }

  private static JsonPrimitive number(JsonElement e, String name, String expected) {
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      return e.getAsJsonPrimitive();
    }
    throw mistyped(name, expected);
  }

  private static RrpcException mistyped(String name, String expected) {
    return RrpcException.invalidParams("param \"" + name + "\" must be " + expected);
  }
}
