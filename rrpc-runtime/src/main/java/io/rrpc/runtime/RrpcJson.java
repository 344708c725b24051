package io.rrpc.runtime;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;

/**
 * The runtime's one Gson instance, shared by request parsing, parameter binding and JSON replies.
 *
 * <p>{@link JsonElement} values are read and written by Gson's built-in tree adapter, which does not
 * reflect. Only when a handler declares a parameter or return type that is neither a tree type nor one
 * the generated code converts itself does {@link #gson()} fall back to Gson's reflective binding.
 */
public final class RrpcJson {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  static final TypeAdapter<JsonElement> TREE = GSON.getAdapter(JsonElement.class);

  private RrpcJson() {}

  /** The shared, immutable Gson instance (HTML escaping disabled). */
  public static Gson gson() {
    return GSON;
  }
}
