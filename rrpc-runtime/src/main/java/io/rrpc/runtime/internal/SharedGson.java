package io.rrpc.runtime.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;

/**
 * The runtime's one Gson instance, shared by request parsing, parameter binding and JSON replies. For
 * the runtime and generated code; not API.
 *
 * <p>{@link JsonElement} values are written by Gson's built-in tree adapter, which does not reflect.
 * Only when a handler declares a parameter or return type that is neither a tree type nor one the
 * generated code converts itself does {@link #gson()} fall back to Gson's reflective binding.
 *
 * <p>Thread-safe: Gson instances are immutable.
 */
public final class SharedGson {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final TypeAdapter<JsonElement> TREE = GSON.getAdapter(JsonElement.class);

  private SharedGson() {}

  /** {@return the shared, immutable Gson instance (HTML escaping disabled)} */
  public static Gson gson() {
    return GSON;
  }

  /** {@return gson's reflection-free adapter for JSON trees} */
  public static TypeAdapter<JsonElement> tree() {
    return TREE;
  }
}
