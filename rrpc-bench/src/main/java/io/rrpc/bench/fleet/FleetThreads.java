package io.rrpc.bench.fleet;

import io.rrpc.runtime.RrpcExecutors;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Where a fleet's devices run their threads: {@code own} (each device starts its own, as a single
 * device does), {@code shared} (one executor of platform threads for the whole fleet) or {@code virtual}
 * (one executor of virtual threads, JDK 21+). The harness is built for JDK 17, so the virtual thread
 * factory is looked up at run time.
 */
enum FleetThreads {
  OWN, SHARED, VIRTUAL;

  static FleetThreads parse(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }

  /** The threads that start devices ({@code parallel} at a time). */
  ThreadFactory starterThreads() {
    return this == VIRTUAL ? virtualThreads() : Executors.defaultThreadFactory();
  }

  /**
   * One executor for every Paho client of the fleet, or {@code null} for {@link #OWN}. Paho keeps its
   * receiver, sender and callback tasks running for as long as a client is connected and a scheduled
   * executor runs at most its core size at once, so the core size must cover three tasks per device,
   * plus the connect tasks in flight and the keep-alive pings.
   */
  ScheduledExecutorService pahoExecutor(int devices, int parallel) {
    if (this == OWN) {
      return null;
    }
    ThreadFactory factory = this == VIRTUAL ? virtualThreads() : Executors.defaultThreadFactory();
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(3 * devices + parallel + 16, factory);
    executor.setRemoveOnCancelPolicy(true);
    // A scheduled executor starts a thread for each task until it has its core size, and keeps them: without a
    // timeout every finished connect task and every ping would leave an idle thread behind.
    executor.setKeepAliveTime(10, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /**
   * The framework devices' shared executors, or {@code null} for {@link #OWN}; connects bounded by the
   * starters' own parallelism so that the gate never holds a starter back beyond it.
   */
  RrpcExecutors rrpcExecutors(int parallel) {
    if (this == OWN) {
      return null;
    }
    RrpcExecutors.Builder b = RrpcExecutors.builder().maxConcurrentConnects(parallel);
    return (this == VIRTUAL ? b.threadFactory(virtualThreads()) : b).build();
  }

  /** {@code Thread.ofVirtual().factory()}, which JDK 17 cannot compile against. */
  static ThreadFactory virtualThreads() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder$OfVirtual");
      Object ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(builder)).invoke();
      Class<?> base = Class.forName("java.lang.Thread$Builder");
      return (ThreadFactory) lookup.findVirtual(base, "factory", MethodType.methodType(ThreadFactory.class))
          .invoke(ofVirtual);
    } catch (Throwable t) {
      throw new IllegalStateException("virtual threads need JDK 21 or later; this is "
          + System.getProperty("java.version"), t);
    }
  }
}
