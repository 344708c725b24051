package io.rrpc.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that answers one or more RRPC commands.
 *
 * <pre>{@code
 * public final class AirconCommands {
 *   @RrpcCommand("closed") public String close() { aircon.powerOff(); return "ok"; }
 * }
 * }</pre>
 *
 * <p>At compile time the rrpc processor writes, for every class with such methods, a
 * {@code <Class>_RrpcDispatcher} that calls them directly from a {@code switch} on the request's
 * command key; nothing is looked up by reflection at run time.
 *
 * <p>The command key of a request is: for a payload whose first non-blank byte is <code>{</code>, the
 * JSON object's {@code "method"} string; for any other payload, the first whitespace-separated word of
 * its UTF-8 text. Keys match exactly and are case-sensitive. A key must not be empty or contain
 * whitespace, and a key may be declared only once per class (and once per device).
 *
 * <p>The method must not be private or generic, and its class must not be private (nor a non-static inner class). Its parameters
 * may be the request ({@code io.rrpc.runtime.RrpcRequest}), the raw payload ({@code byte[]}), the
 * argument text (an unannotated {@code String}) or {@link RrpcParam}-annotated values; its return type
 * becomes the reply (see the README for the full list, including {@code CompletionStage} for
 * asynchronous handlers).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface RrpcCommand {
  /**
   * The command keys this method answers.
   *
   * @return the keys, for example {@code "closed"}; at least one
   */
  String[] value();
}
