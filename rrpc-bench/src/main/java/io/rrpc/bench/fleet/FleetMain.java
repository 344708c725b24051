package io.rrpc.bench.fleet;

import io.rrpc.bench.device.Devices;
import io.rrpc.bench.device.ServedDevice;
import io.rrpc.runtime.RrpcExecutors;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fleet JVM: {@code FleetMain framework|raw <brokerUri> <productId> <devices> <parallel>
 * own|shared|virtual}. It first starts one warm-up device alone ({@code fleet0}: class loading, the first
 * JIT work), takes its figures, then starts the {@code devices} measured ones ({@code fleet1} …)
 * {@code parallel} at a time and prints one line
 * {@code started devices=… failed=… startNanos=… startCpuNanos=… threadsAtStart=… java=… firstFailure=… threadsBefore=…
 * osThreadsBefore=… heapBefore=… rssKibBefore=…}; asked {@code figures}, it prints {@code figures
 * threadsAfter=… osThreadsAfter=… heapAfter=… rssKibAfter=…}, at the earliest 11 s after the last start; asked {@code connected}, it prints {@code connected count=…}, how many of its
 * devices (the warm-up one included) have their connection up.
 *
 * <p>"Before" is with the warm-up device serving, "after" with all of them, both after a full GC: the
 * difference over {@code devices} is what one more device costs. {@code threads} counts platform threads
 * ({@code ThreadMXBean}; virtual threads are not in it), {@code osThreads} every thread of the process
 * (JVM-internal ones too). Then it serves until {@code stop} (or the end of stdin) and exits without
 * closing the devices one by one (a thousand disconnects would only slow the run down). The framework
 * device's secret comes from the environment variable {@code RRPC_BENCH_DEVICE_SECRET}.
 */
public final class FleetMain {
  /**
   * How long after the last start the "after" figures are taken at the earliest: the runtime ends a
   * Paho thread that has been idle for 10 s (its connect task's), so only then are the threads the
   * ones a serving fleet keeps. {@code -Dbench.fleet.settleMillis} changes it (tests, which take no figures).
   */
  private static final long SETTLE_MILLIS = Long.getLong("bench.fleet.settleMillis", 11_000);

  private FleetMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: FleetMain framework|raw <brokerUri> <productId> <devices> <parallel> own|shared|virtual");
      System.exit(2);
    }
    String kind = args[0];
    String broker = args[1];
    String productId = args[2];
    int devices = Integer.parseInt(args[3]);
    int parallel = Integer.parseInt(args[4]);
    FleetThreads threads = FleetThreads.parse(args[5]);
    String secret = System.getenv("RRPC_BENCH_DEVICE_SECRET");
    boolean raw = "raw".equals(kind);
    ScheduledExecutorService paho = raw ? threads.pahoExecutor(devices + 1, parallel) : null;
    RrpcExecutors shared = raw ? null : threads.rrpcExecutors(parallel);
    DeviceFactory factory = raw
        ? name -> Devices.rawPaho(broker, productId, name, paho)
        : name -> Devices.aircon(broker, productId, name, secret, shared);

    ServedDevice warm = factory.create("fleet0");
    warm.start();
    Figures before = Figures.now();
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<String> firstFailure = new AtomicReference<>("none");
    AtomicInteger next = new AtomicInteger(1);
    ServedDevice[] fleet = new ServedDevice[devices + 1];
    fleet[0] = warm;
    ExecutorService starters = Executors.newFixedThreadPool(parallel, threads.starterThreads());
    long started = System.nanoTime();
    long cpuBefore = processCpuNanos();
    for (int i = 0; i < parallel; i++) {
      starters.execute(() -> {
        int n;
        while ((n = next.getAndIncrement()) <= devices) {
          try {
            ServedDevice device = factory.create("fleet" + n);
            fleet[n] = device;
            device.start();
          } catch (Throwable t) {
            failed.incrementAndGet();
            firstFailure.compareAndSet("none", ("fleet" + n + ": " + t).replace('\n', ' ').replace(' ', '_'));
          }
        }
      });
    }
    starters.shutdown();
    if (!starters.awaitTermination(30, TimeUnit.MINUTES)) {
      System.out.println("failed devices still starting after 30 minutes");
      System.exit(1);
    }
    long startNanos = System.nanoTime() - started;
    long startCpuNanos = processCpuNanos() - cpuBefore;
    int threadsAtStart = ManagementFactory.getThreadMXBean().getThreadCount();
    System.out.println("started devices=" + devices + " failed=" + failed.get() + " startNanos=" + startNanos + " startCpuNanos=" + startCpuNanos
        + " threadsAtStart=" + threadsAtStart + " java=" + System.getProperty("java.version")
        + " firstFailure=" + firstFailure.get() + " " + before.line("Before"));
    System.out.flush();
    long settledAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null && !"stop".equals(line)) {
      if ("figures".equals(line)) {
        long wait = settledAt - System.nanoTime();
        if (wait > 0) {
          // Not synchronisation: idle pool threads end on a timer, and the steady state is the figure.
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        System.out.println("figures " + Figures.now().line("After"));
        System.out.flush();
      } else if ("connected".equals(line)) {
        int connected = 0;
        for (ServedDevice d : fleet) {
          connected += d != null && d.isConnected() ? 1 : 0;
        }
        System.out.println("connected count=" + connected);
        System.out.flush();
      }
    }
    System.exit(0);
  }

  /** The CPU time this JVM has used so far, all threads, JIT and GC included. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private interface DeviceFactory {
    ServedDevice create(String deviceName) throws Exception;
  }

  /** Threads, heap and resident set of this JVM right now, the heap after a full collection. */
  private static final class Figures {
    final int threads;
    final long osThreads;
    final long heap;
    final long rssKib;

    private Figures(int threads, long osThreads, long heap, long rssKib) {
      this.threads = threads;
      this.osThreads = osThreads;
      this.heap = heap;
      this.rssKib = rssKib;
    }

    String line(String suffix) {
      return "threads" + suffix + "=" + threads + " osThreads" + suffix + "=" + osThreads + " heap" + suffix + "="
          + heap + " rssKib" + suffix + "=" + rssKib;
    }

    static Figures now() {
      // Twice: the first collection may only finish what was in progress (finalizers, soft references).
      System.gc();
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      ProcStatus status = ProcStatus.self();
      return new Figures(ManagementFactory.getThreadMXBean().getThreadCount(), status.number("Threads"), heap,
          status.kib("VmRSS"));
    }
  }
}
