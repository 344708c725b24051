package io.rrpc.testkit;

import io.moquette.broker.Server;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.util.concurrent.EventExecutor;
import java.lang.reflect.Field;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets Moquette take MQTT 3.1 CONNECTs whose clientId is longer than 23 characters, as Tencent's hub does.
 *
 * <p>Tencent's Python SDK connects with MQTT 3.1 ("MQIsdp", level 3), and a clientId is
 * {@code {productId}{deviceName}}: 25 characters for {@code ABCDEFGHIJairConditioner1}. MQTT 3.1 capped
 * clientIds at 23 characters and Netty's decoder, as Moquette 0.17 builds it, still enforces that: the
 * device's connection is closed before any login check. Moquette offers no setting for it, so this
 * class puts a handler on the broker's listening channel that, for each accepted connection, swaps
 * Moquette's decoder (the pipeline entry named {@code decoder}) for one allowing clientIds of any
 * length MQTT can carry. Reaching the listening channel takes two of Moquette's private fields; the
 * testkit is test infrastructure, not the runtime, which stays free of reflection.
 *
 * <p>If Moquette's internals change, the broker still starts and logs a WARNING; long MQTT 3.1 clientIds
 * are then refused, which this module's tests catch.
 */
final class LongMqtt31ClientIds {
  private static final Logger LOG = Logger.getLogger("io.rrpc.testkit.broker");
  /** The longest string an MQTT packet can hold. */
  private static final int MAX_CLIENT_ID = 65_535;
  /** Moquette's name for its decoder in each connection's pipeline. */
  private static final String DECODER = "decoder";

  private LongMqtt31ClientIds() {}

  /** Installs the decoder swap on a started broker whose largest packet is {@code maxBytesInMessage}. */
  static void allow(Server server, int maxBytesInMessage) {
    try {
      Object acceptor = privateField(Server.class, "acceptor").get(server);
      EventLoopGroup boss = (EventLoopGroup) privateField(acceptor.getClass(), "bossGroup").get(acceptor);
      ChannelHandler onAccept = new SwapDecoderOnAccept(maxBytesInMessage);
      int patched = 0;
      for (EventExecutor executor : boss) {
        SingleThreadEventLoop loop = (SingleThreadEventLoop) executor;
        // registeredChannelsIterator() must run on the loop's own thread.
        patched += loop.submit(() -> {
          int n = 0;
          for (Iterator<Channel> it = loop.registeredChannelsIterator(); it.hasNext(); ) {
            Channel channel = it.next();
            if (channel instanceof ServerChannel) {
              channel.pipeline().addFirst("rrpc-long-mqtt31-client-ids", onAccept);
              n++;
            }
          }
          return n;
        }).get(5, TimeUnit.SECONDS);
      }
      if (patched == 0) {
        throw new IllegalStateException("no listening channel found on Moquette's boss event loops");
      }
    } catch (Exception | LinkageError e) {
      LOG.log(Level.WARNING, "cannot let MQTT 3.1 clients with a clientId over 23 characters in (Moquette's "
          + "internals changed?); they will be disconnected at CONNECT", e);
    }
  }

  private static Field privateField(Class<?> owner, String name) throws NoSuchFieldException {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  /** On the listening channel: hands each accepted connection a {@link SwapDecoder}. */
  @ChannelHandler.Sharable
  private static final class SwapDecoderOnAccept extends ChannelInboundHandlerAdapter {
    private final int maxBytesInMessage;

    SwapDecoderOnAccept(int maxBytesInMessage) {
      this.maxBytesInMessage = maxBytesInMessage;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof Channel) {
        // Added before Netty adds Moquette's initializer, so it runs after the initializer has built the pipeline.
        ((Channel) msg).pipeline().addLast(new SwapDecoder(maxBytesInMessage));
      }
      ctx.fireChannelRead(msg);
    }
  }

  /** On an accepted connection: once Moquette's pipeline is in place, replaces its decoder and leaves. */
  private static final class SwapDecoder extends ChannelInboundHandlerAdapter {
    private final int maxBytesInMessage;

    SwapDecoder(int maxBytesInMessage) {
      this.maxBytesInMessage = maxBytesInMessage;
    }

    @Override
    public void channelRegistered(ChannelHandlerContext ctx) {
      ChannelPipeline pipeline = ctx.pipeline();
      if (pipeline.get(DECODER) instanceof MqttDecoder) {
        pipeline.replace(DECODER, DECODER, new MqttDecoder(maxBytesInMessage, MAX_CLIENT_ID));
      } else {
        LOG.warning("Moquette's pipeline has no MqttDecoder named " + DECODER
            + ": MQTT 3.1 clientIds over 23 characters will be refused");
      }
      ctx.fireChannelRegistered();
      pipeline.remove(this);
    }
  }
}
