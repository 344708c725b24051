package io.rrpc.hub.api;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Slow clients: a request must arrive whole within the timeout from its first byte, or it gets
 * {@code InvalidRequest} and its connection is closed. Also closes connections that stay idle between
 * requests. Sits in front of the HTTP codec and runs on the connection's event loop only.
 */
final class RequestDeadline extends ChannelDuplexHandler {
  private static final Logger LOG = Logger.getLogger("io.rrpc.hub.api");

  private enum State { IDLE, RECEIVING, HANDLING }

  private final long timeoutMillis;
  private State state = State.IDLE;
  private ScheduledFuture<?> timer;

  RequestDeadline(Duration timeout) {
    this.timeoutMillis = timeout.toMillis();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (state == State.IDLE) {
      state = State.RECEIVING;
      timer = ctx.executor().schedule(() -> expire(ctx), timeoutMillis, TimeUnit.MILLISECONDS);
    }
    super.channelRead(ctx, msg);
  }

  /** A whole request has arrived: its time to arrive no longer runs. */
  void arrived() {
    state = State.HANDLING;
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  /** The response is written; the connection waits for its next request. */
  void answered() {
    state = State.IDLE;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent && state == State.IDLE) {
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (timer != null) {
      timer.cancel(false);
    }
    super.channelInactive(ctx);
  }

  private void expire(ChannelHandlerContext ctx) {
    if (state != State.RECEIVING) {
      return;
    }
    state = State.HANDLING;
    String message = "The request did not arrive whole within " + timeoutMillis + " ms; the connection is closed.";
    LOG.info(() -> "API request from " + ctx.channel().remoteAddress() + " -> " + ApiErrors.INVALID_REQUEST + ": "
        + message);
    // From the channel's tail, so that the response passes the HTTP encoder behind this handler.
    ctx.channel().writeAndFlush(ApiResponses.error(ApiErrors.INVALID_REQUEST, message, UUID.randomUUID().toString()))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
