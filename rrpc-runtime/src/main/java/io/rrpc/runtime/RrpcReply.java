package io.rrpc.runtime;

import com.google.gson.JsonElement;
import io.rrpc.runtime.internal.SharedGson;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What a handler answers: reply bytes now, or a stage that completes with them later.
 *
 * <p>Generated dispatchers build replies from handler return values: {@code void} is {@link #ok()}
 * (as in Tencent's sample), text is UTF-8, {@code byte[]} is sent as is, primitives and boxes as their
 * text, {@link JsonElement}s and other objects as JSON, and a {@code CompletionStage} of any of these
 * as an {@linkplain #isAsync() asynchronous} reply. A {@code null} value is an empty reply.
 *
 * <p>Immutable and thread-safe; the payload array is shared, not copied, and must not be modified.
 */
public final class RrpcReply {
  private static final byte[] EMPTY_BYTES = new byte[0];
  private static final RrpcReply OK = new RrpcReply("ok".getBytes(StandardCharsets.UTF_8), null);
  private static final RrpcReply EMPTY = new RrpcReply(EMPTY_BYTES, null);

  private final byte[] payload;
  private final CompletionStage<RrpcReply> pending;

  private RrpcReply(byte[] payload, CompletionStage<RrpcReply> pending) {
    this.payload = payload;
    this.pending = pending;
  }

  /** {@return the reply {@code ok}} */
  public static RrpcReply ok() {
    return OK;
  }

  /**
   * These bytes, as they are (not copied); {@code null} is an empty reply.
   *
   * @param payload the payload
   * @return the reply
   */
  public static RrpcReply of(byte[] payload) {
    return payload == null ? EMPTY : new RrpcReply(payload, null);
  }

  /**
   * The UTF-8 bytes of the text; {@code null} is an empty reply.
   *
   * @param text the text
   * @return the reply
   */
  public static RrpcReply of(CharSequence text) {
    return text == null ? EMPTY : new RrpcReply(text.toString().getBytes(StandardCharsets.UTF_8), null);
  }

  /**
   * The decimal text of the value.
   *
   * @param value the value
   * @return the reply
   */
  public static RrpcReply of(long value) {
    return new RrpcReply(ascii(Long.toString(value)), null);
  }

  /**
   * The decimal text of the value, as {@link Double#toString(double)} writes it.
   *
   * @param value the value
   * @return the reply
   */
  public static RrpcReply of(double value) {
    return new RrpcReply(ascii(Double.toString(value)), null);
  }

  /**
   * The decimal text of the value, as {@link Float#toString(float)} writes it.
   *
   * @param value the value
   * @return the reply
   */
  public static RrpcReply of(float value) {
    return new RrpcReply(ascii(Float.toString(value)), null);
  }

  /**
   * {@code true} or {@code false}.
   *
   * @param value the value
   * @return the reply
   */
  public static RrpcReply of(boolean value) {
    return new RrpcReply(ascii(Boolean.toString(value)), null);
  }

  /**
   * The character, UTF-8 encoded.
   *
   * @param value the value
   * @return the reply
   */
  public static RrpcReply of(char value) {
    return of(String.valueOf(value));
  }

  /**
   * The {@code toString()} text of a boxed primitive or other value; {@code null} is an empty reply.
   *
   * @param value the value
   * @return the reply
   */
  public static RrpcReply text(Object value) {
    return value == null ? EMPTY : of(value.toString());
  }

  /**
   * The value as JSON: a {@link JsonElement} is written by Gson's tree adapter without reflection; any
   * other object through Gson's reflective binding. {@code null} is an empty reply.
   *
   * @param value the value
   * @return the reply
   */
  public static RrpcReply json(Object value) {
    if (value == null) {
      return EMPTY;
    }
    String json = value instanceof JsonElement
        ? SharedGson.gson().toJson((JsonElement) value)
        : SharedGson.gson().toJson(value);
    return of(json);
  }

  /**
   * A reply that completes when the stage does, converting its value with {@code converter}. A stage
   * completing exceptionally is answered like a handler that threw.
   *
   * @param <T> the type of the value
   * @param stage completes with the handler's result
   * @param converter turns the result into a reply
   * @return a reply that completes when the stage does, converting its value with {@code converter}
   */
  public static <T> RrpcReply async(
      CompletionStage<T> stage, Function<? super T, RrpcReply> converter) {
    if (stage == null) {
      throw new NullPointerException("the handler returned a null CompletionStage");
    }
    return new RrpcReply(null, stage.thenApply(converter));
  }

  /**
   * {@return whether the reply is still to come; then use {@link #pending()}, else {@link #payload()}}
   */
  public boolean isAsync() {
    return pending != null;
  }

  /**
   * The reply bytes (shared, do not modify).
   *
   * @throws IllegalStateException for an asynchronous reply
   * @return the reply bytes (shared, do not modify)
   */
  public byte[] payload() {
    if (pending != null) {
      throw new IllegalStateException("asynchronous reply: use pending()");
    }
    return payload;
  }

  /**
   * The stage completing with the synchronous reply.
   *
   * @throws IllegalStateException for a synchronous reply
   * @return the stage completing with the synchronous reply
   */
  public CompletionStage<RrpcReply> pending() {
    if (pending == null) {
      throw new IllegalStateException("synchronous reply: use payload()");
    }
    return pending;
  }

  /** {@return the payload as UTF-8 text, for tests and logs of non-secret replies} */
  public String text() {
    return new String(payload(), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return pending != null ? "RrpcReply{async}" : "RrpcReply{" + payload.length + " bytes}";
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
