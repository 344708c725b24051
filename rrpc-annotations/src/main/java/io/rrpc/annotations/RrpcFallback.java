package io.rrpc.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one method of a class (and of a device) that answers every command nobody declared with
 * {@link RrpcCommand}. It takes the same parameters and returns the same types as a command method;
 * usually it takes the request itself to see the unknown key.
 *
 * <pre>{@code
 * @RrpcFallback
 * public String unknown(RrpcRequest request) { return "unsupported: " + request.commandKey(); }
 * }</pre>
 *
 * <p>Without a fallback, an unknown command is answered with the documented {@code unknown_command}
 * error reply.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface RrpcFallback {}
