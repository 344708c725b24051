package io.rrpc.hub.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Set;

/**
 * An action's parameters, the JSON object of the request body, read with Tencent's error codes: a
 * missing one is {@code MissingParameter}, one of the wrong type {@code InvalidParameter}, one the
 * action does not have {@code UnknownParameter}.
 */
final class ActionParams {
  private final String action;
  private final JsonObject body;

  ActionParams(String action, JsonObject body, Set<String> known) throws ApiException {
    this.action = action;
    this.body = body;
    for (String name : body.keySet()) {
      if (!known.contains(name)) {
        throw new ApiException(ApiErrors.UNKNOWN_PARAMETER,
            "The parameter `" + name + "` is not recognized by " + action + "; it takes " + String.join(", ", known) + ".");
      }
    }
  }

  String requiredString(String name) throws ApiException {
    String value = optionalString(name);
    if (value == null) {
      throw new ApiException(ApiErrors.MISSING_PARAMETER, "The request is missing a required parameter `" + name + "`.");
    }
    return value;
  }

  String optionalString(String name) throws ApiException {
    JsonElement e = body.get(name);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isString()) {
      throw new ApiException(ApiErrors.INVALID_PARAMETER,
          "The parameter `" + name + "` of " + action + " must be a string, was: " + e);
    }
    return e.getAsString();
  }

  Integer optionalInt(String name) throws ApiException {
    JsonElement e = body.get(name);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber()) {
      double d = e.getAsDouble();
      if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
        return (int) d;
      }
    }
    throw new ApiException(ApiErrors.INVALID_PARAMETER,
        "The parameter `" + name + "` of " + action + " must be an integer, was: " + e);
  }
}
