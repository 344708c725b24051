package io.rrpc.hub.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Tencent Cloud API 3.0 over plain HTTP: {@code POST /} with a JSON body, TC3-HMAC-SHA256 signed, as
 * Tencent's SDKs send it to a custom endpoint with {@code http://}.
 *
 * <p>Built on Netty, which is here already as the embedded broker's transport. Netty rather than the
 * JDK's {@code com.sun.net.httpserver}: a call waits up to 4 s for its device, and Netty holds any
 * number of such calls without a thread each; and it bounds every request by size (a body over
 * {@code maxBodyBytes} gets {@code RequestSizeLimitExceeded}) and by time (a request not whole within
 * {@code requestTimeout} of its first byte gets {@code InvalidRequest}), answering both with a
 * Tencent-style error before it closes that connection, where the JDK's server can only drop it. Bad
 * input never reaches beyond its own connection: the server keeps serving.
 *
 * <p>Each connection handles one request at a time (it reads the next one after answering), so
 * responses never overtake each other. Connections idle for 60 s are closed.
 */
public final class ApiServer implements AutoCloseable {
  /** The default body limit, 1 MiB (Tencent's is 10 MB; an RRPC payload is at most 16 KiB). */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  /** The default time a request may take to arrive whole. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final int IDLE_SECONDS = 60;

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel channel;

  private ApiServer(InetSocketAddress bind, Tc3Verifier verifier, ApiActions actions, int maxBodyBytes,
      Duration requestTimeout) {
    boss = new NioEventLoopGroup(1, new DefaultThreadFactory("rrpc-hub-api-accept", true));
    workers = new NioEventLoopGroup(0, new DefaultThreadFactory("rrpc-hub-api", true));
    try {
      ServerBootstrap bootstrap = new ServerBootstrap()
          .group(boss, workers)
          .channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              RequestDeadline deadline = new RequestDeadline(requestTimeout);
              ch.pipeline()
                  .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                  .addLast(deadline)
                  .addLast(new HttpServerCodec(4096, 16 * 1024, 64 * 1024))
                  .addLast(new BodyLimit(maxBodyBytes))
                  .addLast(new ApiRequestHandler(verifier, actions, deadline));
            }
          });
      channel = bootstrap.bind(bind).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw new IllegalStateException("cannot listen for the API on " + bind.getHostString() + ":" + bind.getPort()
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts listening.
   *
   * @param bind the address; port 0 takes a free one ({@link #address()} tells which)
   * @param verifier checks each request's signature
   * @param actions answers each verified request
   * @param maxBodyBytes the largest body; a larger one gets {@code RequestSizeLimitExceeded}
   * @param requestTimeout how long a request may take to arrive whole
   * @return the listening server
   * @throws IllegalStateException when the address cannot be bound
   */
  public static ApiServer start(InetSocketAddress bind, Tc3Verifier verifier, ApiActions actions, int maxBodyBytes,
      Duration requestTimeout) {
    return new ApiServer(bind, verifier, actions, maxBodyBytes, requestTimeout);
  }

  /**
   * The bound address.
   *
   * @return the address, with the real port when port 0 was asked for
   */
  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** Stops listening and closes every connection; returns when the threads have ended. Idempotent. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
