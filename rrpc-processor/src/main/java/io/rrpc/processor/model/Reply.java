package io.rrpc.processor.model;

/**
 * How a handler's return value becomes an {@code RrpcReply}.
 *
 * @param conversion how the value (for an asynchronous handler, the stage's value) is converted
 * @param async whether the handler returns a {@code CompletionStage} of that value
 * @param valueTypeNameable for an asynchronous handler, whether the dispatcher's package may name the
 *     stage's value type; if not (a private reply class), the dispatcher sees the stage as a stage of
 *     the type the conversion needs ({@code Object}, {@code CharSequence}), since the lambda that
 *     converts the value would otherwise have a parameter of a type it cannot access
 */
public record Reply(Conversion conversion, boolean async, boolean valueTypeNameable) {

  /** A synchronous reply, or an asynchronous one whose value type the dispatcher can name. */
  public Reply(Conversion conversion, boolean async) {
    this(conversion, async, true);
  }

  /** The conversions of a returned value; see {@code docs/processor.md} for the table. */
  public enum Conversion {
    /** {@code void} or {@code Void}: {@code RrpcReply.ok()}. */
    OK,
    /** An {@code RrpcReply}: passed on as it is (it must not be {@code null}). */
    AS_IS,
    /**
     * {@code RrpcReply.of(value)}: a {@code CharSequence}, {@code byte[]} or primitive (byte, short and
     * int widen to long).
     */
    OF,
    /** A boxed primitive: {@code RrpcReply.text(value)}. */
    TEXT,
    /** Any other object, {@code JsonElement} included: {@code RrpcReply.json(value)}. */
    JSON
  }
}
