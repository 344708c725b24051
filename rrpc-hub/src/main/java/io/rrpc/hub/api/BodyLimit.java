package io.rrpc.hub.api;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Collects a request's body up to the limit; a longer one gets {@code RequestSizeLimitExceeded} and its
 * connection is closed (the rest of the body is never read).
 */
final class BodyLimit extends HttpObjectAggregator {
  private static final Logger LOG = Logger.getLogger("io.rrpc.hub.api");

  BodyLimit(int maxBodyBytes) {
    super(maxBodyBytes);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    String message = "The request body is over the local hub's limit of " + maxContentLength() + " bytes.";
    LOG.info(() -> "API request from " + ctx.channel().remoteAddress() + " -> " + ApiErrors.REQUEST_SIZE_LIMIT_EXCEEDED
        + ": " + message);
    FullHttpResponse response =
        ApiResponses.error(ApiErrors.REQUEST_SIZE_LIMIT_EXCEEDED, message, UUID.randomUUID().toString());
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
