package io.rrpc.hub.api;

import com.google.gson.JsonObject;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Tencent Cloud API 3.0 responses: always HTTP 200 with {@code {"Response":{...,"RequestId"}}}. */
final class ApiResponses {
  private ApiResponses() {}

  static FullHttpResponse success(JsonObject fields, String requestId) {
    JsonObject response = fields.deepCopy();
    response.addProperty("RequestId", requestId);
    return wrap(response, requestId);
  }

  static FullHttpResponse error(String code, String message, String requestId) {
    JsonObject error = new JsonObject();
    error.addProperty("Code", code);
    error.addProperty("Message", message);
    JsonObject response = new JsonObject();
    response.add("Error", error);
    response.addProperty("RequestId", requestId);
    return wrap(response, requestId);
  }

  private static FullHttpResponse wrap(JsonObject response, String requestId) {
    JsonObject root = new JsonObject();
    root.add("Response", response);
    byte[] body = root.toString().getBytes(StandardCharsets.UTF_8);
    FullHttpResponse http =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
    http.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    http.headers().set("X-TC-RequestId", requestId);
    return http;
  }
}
