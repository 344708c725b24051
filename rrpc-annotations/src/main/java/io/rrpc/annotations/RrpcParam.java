package io.rrpc.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler parameter to a member of a JSON request's {@code "params"} object.
 *
 * <pre>{@code
 * // {"method":"setTemperature","params":{"celsius":24}}
 * @RrpcCommand("setTemperature")
 * public String setTemperature(@RrpcParam("celsius") int celsius) { ... }
 * }</pre>
 *
 * <p>Primitive parameters are required: a missing or mistyped member is answered with an
 * {@code invalid_params} error reply and the handler is not called. Parameters of reference type
 * ({@code Integer}, {@code String}, enums, Gson's {@code JsonElement}, {@code JsonObject},
 * {@code JsonArray}) receive {@code null} when the member is absent or JSON {@code null}. These are all
 * converted by generated code. Any other type is converted by the runtime's Gson instance, which uses
 * Gson's reflective binding: that is the only path of the framework that reflects, and only when a
 * handler asks for it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface RrpcParam {
  /**
   * The member of the request's {@code "params"} object that this parameter receives.
   *
   * @return the member name, for example {@code "celsius"}; must not be empty
   */
  String value() default "";
}
