package io.rrpc.runtime;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Threads that many devices in one JVM share, instead of each device starting its own: a gateway that
 * bridges many sensors, each its own Tencent device, or a simulator running a fleet. Build one, hand it
 * to every device's {@link RrpcDevice.Builder#executors(RrpcExecutors)}, close it after the devices.
 *
 * <pre>{@code
 * RrpcExecutors shared = RrpcExecutors.builder()
 *     .threadFactory(Thread.ofVirtual().factory())   // JDK 21+; leave out for platform threads
 *     .build();
 * RrpcDevice a = RrpcDevice.builder().deviceInfo(infoA).dispatcher(da).executors(shared).build();
 * RrpcDevice b = RrpcDevice.builder().deviceInfo(infoB).dispatcher(db).executors(shared).build();
 * a.start();
 * b.start();
 * ...
 * a.close();
 * b.close();
 * shared.close();
 * }</pre>
 *
 * <p>It holds three pools, all creating threads on demand from one {@link ThreadFactory} and ending them
 * after {@value #IDLE_SECONDS} s idle:
 * <ul>
 *   <li>the <b>timer</b>, one thread: every device's deadlines, reconnect delays and keep-alive pings;
 *       nothing of the application's runs on it;
 *   <li>the <b>handlers</b>: each device still runs at most {@link RrpcDevice.Builder#workers(int)}
 *       handlers at once and queues at most {@link RrpcDevice.Builder#queueCapacity(int)} more, on its
 *       own queue, so a slow handler on one device never delays another device's requests; each
 *       device's {@link RrpcConnectionListener} events run here too, one at a time on a lane of their own;
 *   <li>the <b>MQTT</b> threads Paho needs: three per connected device (receiver, sender, callback) for as
 *       long as it is connected, plus a short-lived one per connect.
 * </ul>
 * Paho's blocking design costs three threads per connection whatever the pool, so with platform threads a
 * fleet needs a little over three threads per device; with virtual threads (JDK 21+, pass {@code
 * Thread.ofVirtual().factory()}) they cost a few KB each and the platform threads stay a small fixed
 * number. The runtime is Java 8 bytecode and never refers to virtual threads itself.
 *
 * <p>It also bounds how many devices connect at once ({@link Builder#maxConcurrentConnects(int)}): a
 * {@link RrpcDevice#start()} beyond the bound waits its turn, and after a broker restart the devices'
 * jittered reconnects queue for the same permits, so a thousand devices do not hit the broker at once.
 *
 * <p>Lifecycle: whoever built it owns it and closes it, after closing the devices that use it; closing
 * it first stops those devices' timers and handlers. A device never closes shared executors. Immutable
 * and thread-safe: devices may be built, started and closed on any threads at once.
 */
public final class RrpcExecutors implements AutoCloseable {
  /** The default bound on devices connecting at once. */
  public static final int DEFAULT_MAX_CONCURRENT_CONNECTS = 32;
  /** How long an idle thread of any of the pools lives. */
  static final long IDLE_SECONDS = 10;

  final ScheduledThreadPoolExecutor timer;
  final ThreadPoolExecutor handlers;
  final ThreadPoolExecutor mqtt;
  final ConnectGate connects;

  private RrpcExecutors(ThreadFactory timerThreads, ThreadFactory handlerThreads, ThreadFactory mqttThreads,
      int maxConcurrentConnects) {
    timer = new ScheduledThreadPoolExecutor(1, timerThreads);
    timer.setRemoveOnCancelPolicy(true);
    timer.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
    // The timer thread stays while anything is scheduled (a keep-alive ping always is while a device is
    // connected): the pool never ends its last thread with work queued.
    timer.allowCoreThreadTimeOut(true);
    handlers = onDemand(handlerThreads);
    mqtt = onDemand(mqttThreads);
    connects = new ConnectGate(maxConcurrentConnects);
  }

  /** Threads made on demand, as many as the tasks running, each ended after a while idle. */
  private static ThreadPoolExecutor onDemand(ThreadFactory threads) {
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS, new SynchronousQueue<>(),
        threads);
  }

  /**
   * A builder; with no option set it makes platform threads named {@code rrpc-shared-…}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The private executors of a device built without shared ones: threads named after the device. */
  static RrpcExecutors forOneDevice(String threadName) {
    return new RrpcExecutors(new NamedThreads(threadName + "-scheduler"), new NamedThreads(threadName + "-worker"),
        new NamedThreads(threadName + "-mqtt"), Integer.MAX_VALUE);
  }

  /** {@return how many devices may be connecting at once} */
  public int maxConcurrentConnects() {
    return connects.limit();
  }

  /** {@return whether {@link #close()} was called} */
  public boolean isClosed() {
    return timer.isShutdown();
  }

  /**
   * Ends every thread: running handlers are interrupted, and devices still using these executors stop
   * answering. Close the devices first. Idempotent.
   */
  @Override
  public void close() {
    timer.shutdownNow();
    handlers.shutdownNow();
    mqtt.shutdownNow();
  }

  /** Ends the threads of a device's private executors after a failed start, delivering the queued events first. */
  void shutdownAfterFailedStart() {
    timer.shutdown();
    // Not shutdownNow: the connection events, startFailed last, are still being delivered on a worker
    // (the device has stopped its handler lane, which interrupted any handler).
    handlers.shutdown();
    mqtt.shutdownNow();
  }

  /** Configures {@link RrpcExecutors}. */
  public static final class Builder {
    private ThreadFactory threadFactory;
    private int maxConcurrentConnects = DEFAULT_MAX_CONCURRENT_CONNECTS;

    private Builder() {}

    /**
     * Where every thread comes from; default platform threads named {@code rrpc-shared-timer-N},
     * {@code rrpc-shared-worker-N} and {@code rrpc-shared-mqtt-N} that keep the JVM alive until {@link
     * RrpcExecutors#close()}. On JDK 21+ {@code Thread.ofVirtual().factory()} puts the handlers, the timer
     * and Paho's threads on virtual threads. The factory's threads are used as it makes them (name,
     * daemon flag and all).
     *
     * @param threadFactory the factory
     * @return this builder
     */
    public Builder threadFactory(ThreadFactory threadFactory) {
      if (threadFactory == null) {
        throw new NullPointerException("threadFactory");
      }
      this.threadFactory = threadFactory;
      return this;
    }

    /**
     * How many of the devices may be connecting (connect and subscribe) at once, on start and on
     * reconnect; default {@value RrpcExecutors#DEFAULT_MAX_CONCURRENT_CONNECTS}. Others wait their turn
     * in arrival order.
     *
     * @param maxConcurrentConnects the bound, at least 1
     * @return this builder
     */
    public Builder maxConcurrentConnects(int maxConcurrentConnects) {
      if (maxConcurrentConnects < 1) {
        throw new IllegalArgumentException("maxConcurrentConnects must be at least 1, was " + maxConcurrentConnects);
      }
      this.maxConcurrentConnects = maxConcurrentConnects;
      return this;
    }

    /**
     * Starts nothing yet: threads are made when devices need them.
     *
     * @return the executors
     */
    public RrpcExecutors build() {
      if (threadFactory != null) {
        return new RrpcExecutors(threadFactory, threadFactory, threadFactory, maxConcurrentConnects);
      }
      return new RrpcExecutors(new NamedThreads("rrpc-shared-timer"), new NamedThreads("rrpc-shared-worker"),
          new NamedThreads("rrpc-shared-mqtt"), maxConcurrentConnects);
    }
  }
}
