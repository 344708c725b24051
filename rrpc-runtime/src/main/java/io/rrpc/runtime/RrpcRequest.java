package io.rrpc.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.rrpc.runtime.internal.SharedGson;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One RRPC request as a handler sees it: the processId the hub gave it, the raw payload, its deadline,
 * and the command key, argument text and JSON params derived from the payload.
 *
 * <h2>The command key rule</h2>
 *
 * <ul>
 *   <li>A payload whose first non-blank byte is <code>{</code> is a JSON request: it must be a JSON
 *       object whose {@code "method"} member is a string, the key; its optional {@code "params"} member,
 *       an object, feeds {@code @RrpcParam} parameters, and its JSON text is the argument text. Anything
 *       else (truncated JSON, trailing data, {@code method} missing or not a string, {@code params} not
 *       an object, either of them twice, a name twice in one object inside {@code params}, nesting
 *       deeper than {@value #MAX_JSON_NESTING}) is {@code malformed_json}.
 *   <li>Any other payload is UTF-8 text (malformed byte sequences read as U+FFFD): its first
 *       whitespace-separated word is the key and the rest, trimmed, is the argument text. A blank payload
 *       has the empty key, which no command can declare.
 *   <li>Blank means ASCII whitespace; a UTF-8 byte order mark (EF BB BF) before the first word or the
 *       <code>{</code> counts as blank too.
 * </ul>
 *
 * Keys match exactly and are case-sensitive.
 *
 * <p>The payload is decoded lazily, on the first call that needs it (on a worker thread, never on the
 * MQTT callback thread), and only once. Instances are immutable once decoded and safe to read from
 * several threads; the array returned by {@link #payload()} is shared and must not be modified.
 */
public final class RrpcRequest {
  /** The deepest JSON nesting a request may have; deeper payloads are {@code malformed_json}. */
  public static final int MAX_JSON_NESTING = 64;

  private final String processId;
  private final byte[] payload;
  private final long arrivalNanos;
  private final long deadlineNanos;
  // Written once by whichever thread decodes first; Decoded has only final fields, so a racing
  // reader sees either null (and decodes again, identically) or a fully built object.
  private Decoded decoded;

  private RrpcRequest(String processId, byte[] payload, long arrivalNanos, long deadlineNanos) {
    if (processId == null) {
      throw new NullPointerException("processId");
    }
    if (payload == null) {
      throw new NullPointerException("payload");
    }
    this.processId = processId;
    this.payload = payload;
    this.arrivalNanos = arrivalNanos;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * A request that arrived at {@code arrivalNanos} and must be answered by {@code deadlineNanos}, both
   * on the {@link System#nanoTime()} scale. The payload array is kept, not copied.
   */
  static RrpcRequest of(String processId, byte[] payload, long arrivalNanos, long deadlineNanos) {
    return new RrpcRequest(processId, payload, arrivalNanos, deadlineNanos);
  }

  /**
   * A request arriving now with the hub's full 4 s deadline; handy for calling a dispatcher in tests.
   *
   * @param processId the hub's id for the request, the last level of its topic
   * @param payload the payload
   * @return a request arriving now with the hub's full 4 s deadline; handy for calling a
   *     dispatcher in tests
   */
  public static RrpcRequest of(String processId, byte[] payload) {
    long now = System.nanoTime();
    return new RrpcRequest(processId, payload, now, now + TimeUnit.SECONDS.toNanos(4));
  }

  /**
   * A UTF-8 text request arriving now with the hub's full 4 s deadline.
   *
   * @param processId the hub's id for the request, the last level of its topic
   * @param payload the payload
   * @return a UTF-8 text request arriving now with the hub's full 4 s deadline
   */
  public static RrpcRequest of(String processId, String payload) {
    return of(processId, payload.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@return the hub's id for this request, the last level of its topic; the reply goes to the same id}
   */
  public String processId() {
    return processId;
  }

  /** {@return the raw payload bytes; shared, do not modify} */
  public byte[] payload() {
    return payload;
  }

  /** {@return when the request arrived, on the {@link System#nanoTime()} scale} */
  public long arrivalNanos() {
    return arrivalNanos;
  }

  /** {@return when the reply is due, on the {@link System#nanoTime()} scale} */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  /**
   * Time left until the deadline, in the given unit; negative once it has passed.
   *
   * @param unit the unit of the other arguments
   * @return time left until the deadline, in the given unit; negative once it has passed
   */
  public long remaining(TimeUnit unit) {
    return unit.convert(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  /** {@return whether the deadline has passed} */
  public boolean isExpired() {
    return deadlineNanos - System.nanoTime() <= 0;
  }

  /**
   * Whether the payload is a JSON request (its first non-blank byte is <code>{</code>).
   *
   * @return {@code true} for a JSON request, {@code false} for a text request
   */
  public boolean isJson() {
    return isJson(payload);
  }

  /**
   * The command key, by the rule in the class documentation.
   *
   * @throws RrpcException with code {@code malformed_json} for a JSON request that breaks the rule
   * @return the command key, by the rule in the class documentation
   */
  public String commandKey() {
    return decoded().key();
  }

  /**
   * The argument text: for a text request, what follows the key, trimmed; for a JSON request, the JSON
   * text of {@code "params"} (empty when absent).
   *
   * @throws RrpcException with code {@code malformed_json} for a JSON request that breaks the rule
   * @return the argument text: for a text request, what follows the key, trimmed; for a JSON
   *     request, the JSON text of {@code "params"} (empty when absent)
   */
  public String argumentText() {
    Decoded d = decoded();
    d.check();
    if (d.params == null) {
      return d.argumentText;
    }
    return d.params.size() == 0 ? "" : d.params.toString();
  }

  /**
   * The {@code "params"} object of a JSON request, or an empty object for a text request or when
   * absent. Shared: do not modify.
   *
   * @throws RrpcException with code {@code malformed_json} for a JSON request that breaks the rule
   * @return the {@code "params"} object of a JSON request, or an empty object for a text request
   *     or when absent
   */
  public JsonObject params() {
    Decoded d = decoded();
    d.check();
    return d.params == null ? EMPTY : d.params;
  }

  private static final JsonObject EMPTY = new JsonObject();
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  @Override
  public String toString() {
    // The payload is the caller's data: show its size, not its content.
    return "RrpcRequest{processId=" + processId + ", payload=" + payload.length + " bytes}";
  }

  private Decoded decoded() {
    Decoded d = decoded;
    if (d == null) {
      d = isJson(payload) ? decodeJson(payload) : decodeText(payload);
      decoded = d;
    }
    return d;
  }

  static boolean isJson(byte[] payload) {
    int start = firstNonBlank(payload);
    return start < payload.length && payload[start] == '{';
  }

  /**
   * The index of the first byte that is neither ASCII whitespace nor part of a UTF-8 byte order mark
   * (EF BB BF, which some editors and tools put before a text), or the length if there is none.
   */
  private static int firstNonBlank(byte[] payload) {
    int i = 0;
    int n = payload.length;
    while (i < n) {
      byte b = payload[i];
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0B || b == '\f') {
        i++;
      } else if (b == (byte) 0xEF && i + 2 < n && payload[i + 1] == (byte) 0xBB && payload[i + 2] == (byte) 0xBF) {
        i += 3;
      } else {
        break;
      }
    }
    return i;
  }

  private static Decoded decodeText(byte[] payload) {
    String text = new String(payload, StandardCharsets.UTF_8);
    int n = text.length();
    int start = 0;
    while (start < n && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == BYTE_ORDER_MARK)) {
      start++;
    }
    int end = start;
    while (end < n && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    String key = text.substring(start, end);
    String rest = end == n ? "" : text.substring(end).trim();
    return new Decoded(key, rest, null, null);
  }

  private static Decoded decodeJson(byte[] payload) {
    try {
      // From the '{': what comes before it is blank, and a byte order mark would be a syntax error.
      int start = firstNonBlank(payload);
      JsonReader reader = new JsonReader(new StringReader(
          new String(payload, start, payload.length - start, StandardCharsets.UTF_8)));
      reader.setStrictness(Strictness.STRICT);
      reader.setNestingLimit(MAX_JSON_NESTING);
      String method = null;
      JsonObject params = null;
      boolean sawParams = false;
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if ("method".equals(name)) {
          if (method != null) {
            return malformed("\"method\" appears twice");
          }
          if (reader.peek() != JsonToken.STRING) {
            return malformed("\"method\" must be a string");
          }
          method = reader.nextString();
        } else if ("params".equals(name)) {
          if (sawParams) {
            return malformed("\"params\" appears twice");
          }
          sawParams = true;
          JsonToken token = reader.peek();
          if (token == JsonToken.NULL) {
            reader.nextNull();
          } else if (token == JsonToken.BEGIN_OBJECT) {
            params = readObject(reader);
            if (params == null) {
              return malformed("a name appears twice in one object of \"params\"");
            }
          } else {
            return malformed("\"params\" must be an object");
          }
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
      JsonToken after;
      try {
        after = reader.peek();
      } catch (IOException trailing) {
        // In strict mode a second top-level value is a syntax error rather than a token.
        return malformed("data after the JSON object");
      }
      if (after != JsonToken.END_DOCUMENT) {
        return malformed("data after the JSON object");
      }
      if (method == null) {
        return malformed("a JSON request needs a \"method\" string");
      }
      return new Decoded(method, "", params == null ? EMPTY : params, null);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // Gson reports syntax errors as MalformedJsonException (an IOException), truncation as
      // EOFException, and structural surprises as IllegalStateException; its messages quote only
      // positions and the offending token, never more of the payload than that.
      return malformed("not a valid JSON object");
    }
  }

  /**
   * The JSON object at the reader, or {@code null} when one of its objects, at any depth, holds a name
   * twice: Gson's own tree reader would keep the last value silently, and which value a caller meant
   * cannot be known. Nesting is bounded by the reader's limit.
   */
  private static JsonObject readObject(JsonReader reader) throws IOException {
    JsonObject object = new JsonObject();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (object.has(name)) {
        return null;
      }
      JsonElement value = readValue(reader);
      if (value == null) {
        return null;
      }
      object.add(name, value);
    }
    reader.endObject();
    return object;
  }

  private static JsonElement readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        return readObject(reader);
      case BEGIN_ARRAY:
        JsonArray array = new JsonArray();
        reader.beginArray();
        while (reader.hasNext()) {
          JsonElement item = readValue(reader);
          if (item == null) {
            return null;
          }
          array.add(item);
        }
        reader.endArray();
        return array;
      default:
        return SharedGson.tree().read(reader); // a string, number, boolean or null
    }
  }

  private static Decoded malformed(String why) {
    return new Decoded(null, null, null, new RrpcException(RrpcException.MALFORMED_JSON, why));
  }

  /** What the payload decoded to; immutable. */
  private static final class Decoded {
    final String key;
    final String argumentText;
    final JsonObject params;
    final RrpcException error;

    Decoded(String key, String argumentText, JsonObject params, RrpcException error) {
      this.key = key;
      this.argumentText = argumentText;
      this.params = params;
      this.error = error;
    }

    void check() {
      if (error != null) {
        // A fresh exception per call: the stored one's stack would point at the first caller.
        throw new RrpcException(error.code(), error.getMessage());
      }
    }

    String key() {
      check();
      return key;
    }
  }
}
