package io.rrpc.hub.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection's API requests, in order: checks the method, content type and signature, parses the
 * JSON body, runs the action and writes Tencent's response. A request that arrives while another is
 * being answered waits its turn. Runs on the connection's event loop; actions complete on any thread.
 */
final class ApiRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = Logger.getLogger("io.rrpc.hub.api");

  private final Tc3Verifier verifier;
  private final ApiActions actions;
  private final RequestDeadline deadline;
  private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
  private boolean busy;

  ApiRequestHandler(Tc3Verifier verifier, ApiActions actions, RequestDeadline deadline) {
    super(false);
    this.verifier = verifier;
    this.actions = actions;
    this.deadline = deadline;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    deadline.arrived();
    if (busy) {
      waiting.add(request);
      return;
    }
    handle(ctx, request);
  }

  private void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    busy = true;
    ctx.channel().config().setAutoRead(false);
    String requestId = UUID.randomUUID().toString();
    boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
    String action = request.headers().get("X-TC-Action", "-");
    long start = System.nanoTime();
    CompletableFuture<JsonObject> outcome;
    try {
      outcome = call(request);
    } catch (ApiException e) {
      outcome = new CompletableFuture<>();
      outcome.completeExceptionally(e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "API " + action + " failed inside the hub", e);
      outcome = new CompletableFuture<>();
      outcome.completeExceptionally(new ApiException(ApiErrors.INTERNAL_ERROR, "The local hub failed: " + e));
    } finally {
      request.release();
    }
    outcome.whenComplete((fields, error) -> {
      FullHttpResponse response;
      if (error == null) {
        response = ApiResponses.success(fields, requestId);
      } else {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        ApiException failure = cause instanceof ApiException
            ? (ApiException) cause : new ApiException(ApiErrors.INTERNAL_ERROR, "The local hub failed: " + cause);
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> "API " + action + " -> " + failure.code() + ": " + failure.getMessage() + " (" + millis + " ms)");
        response = ApiResponses.error(failure.code(), failure.getMessage(), requestId);
      }
      if (!keepAlive) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      }
      ctx.executor().execute(() -> write(ctx, response, keepAlive));
    });
  }

  private void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    if (!keepAlive) {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.writeAndFlush(response);
    busy = false;
    FullHttpRequest next = waiting.poll();
    if (next != null) {
      handle(ctx, next);
    } else {
      deadline.answered();
      ctx.channel().config().setAutoRead(true);
    }
  }

  private CompletableFuture<JsonObject> call(FullHttpRequest request) throws ApiException {
    if (!request.decoderResult().isSuccess()) {
      throw new ApiException(ApiErrors.INVALID_REQUEST, "The request is not valid HTTP: " + request.decoderResult().cause());
    }
    String uri = request.uri();
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String rawQuery = q < 0 ? "" : uri.substring(q + 1);
    if (!request.method().equals(HttpMethod.POST) || !path.equals("/")) {
      throw new ApiException(ApiErrors.INVALID_REQUEST, "The local hub serves POST / with a JSON body, not "
          + request.method() + " " + path + ".");
    }
    String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
    String mime = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mime.equals("application/json")) {
      throw new ApiException(ApiErrors.INVALID_PARAMETER, "The Content-Type must be application/json (TC3-HMAC-SHA256"
          + " with a JSON body), was: " + (contentType == null ? "none" : contentType) + ".");
    }
    byte[] body = ByteBufUtil.getBytes(request.content());
    verifier.verify("POST", rawQuery, name -> request.headers().get(name), body);
    String action = request.headers().get("X-TC-Action");
    if (action == null || action.isEmpty()) {
      throw new ApiException(ApiErrors.MISSING_PARAMETER, "The request is missing a required parameter `Action`.");
    }
    String version = request.headers().get("X-TC-Version");
    if (version == null || version.isEmpty()) {
      throw new ApiException(ApiErrors.MISSING_PARAMETER, "The request is missing a required parameter `Version`.");
    }
    return actions.call(action, version, parseObject(body));
  }

  private static JsonObject parseObject(byte[] body) throws ApiException {
    JsonElement json;
    try {
      json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
    } catch (JsonParseException e) {
      throw new ApiException(ApiErrors.INVALID_PARAMETER, "The request body is not valid JSON: " + e.getMessage());
    }
    if (!json.isJsonObject()) {
      throw new ApiException(ApiErrors.INVALID_PARAMETER, "The request body must be a JSON object of the action's"
          + " parameters, was: " + (json.isJsonNull() ? "empty" : json.toString()));
    }
    return json.getAsJsonObject();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    for (FullHttpRequest request : waiting) {
      request.release();
    }
    waiting.clear();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A peer resetting its connection is routine; nothing else reaches here but is logged just as briefly.
    LOG.fine(() -> "API connection " + ctx.channel().remoteAddress() + " closed: " + cause);
    ctx.close();
  }
}
