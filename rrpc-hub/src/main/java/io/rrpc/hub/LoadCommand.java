package io.rrpc.hub;

import com.google.gson.JsonObject;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.CommonRequest;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.rrpc.hub.devices.DeviceSpec;
import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code load}: how many {@code PublishRRPCMessage} calls per second the API holds with a number of calls
 * in flight. It starts a hub in this JVM on free ports (no rate limit) with a runtime device that echoes,
 * then keeps {@code --in-flight} calls going through Tencent's {@code CommonClient}, each signed, for
 * {@code --seconds} after a warm-up, and prints the rate and latencies. Bounded in count and time, and
 * only ever talks to 127.0.0.1.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Measure the PublishRRPCMessage calls/s of a local hub (in this JVM) with N calls in flight.")
final class LoadCommand implements Callable<Integer> {
  private static final String PRODUCT = "LOADTEST01";
  private static final String DEVICE = "echo1";
  // Held strongly: java.util.logging forgets the level of a logger nobody references.
  private static final java.util.logging.Logger CALL_LOG = java.util.logging.Logger.getLogger("io.rrpc.hub.rrpc");

  @Spec CommandSpec spec;

  @Option(names = "--in-flight", defaultValue = "64", description = "Calls in flight (default ${DEFAULT-VALUE}).")
  int inFlight;

  @Option(names = "--seconds", defaultValue = "10", description = "Measured time (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warmup", defaultValue = "3", description = "Unmeasured warm-up seconds (default ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (inFlight < 1 || seconds < 1 || warmup < 0 || seconds > 600) {
      spec.commandLine().getErr().println("load: --in-flight and --seconds must be positive (at most 600 s)");
      return 2;
    }
    // A console line per call would measure the terminal, not the hub.
    CALL_LOG.setLevel(java.util.logging.Level.WARNING);
    Path deviceInfoDir = Files.createTempDirectory("rrpc-hub-load");
    InetSocketAddress anyPort = new InetSocketAddress("127.0.0.1", 0);
    try (LocalHub hub = LocalHub.start(new HubOptions().mqtt(anyPort).api(anyPort).rrpcRate(0)
        .deviceInfoOut(deviceInfoDir).device(new DeviceSpec(PRODUCT, DEVICE, null)))) {
      DeviceSpec device = hub.devices().get(0);
      try (RrpcDevice echo = RrpcDevice.builder()
          .deviceInfo(DeviceInfo.builder().productId(PRODUCT).deviceName(DEVICE).deviceSecret(device.secretBase64()).build())
          .brokerUri(hub.mqttUri()).dispatcher(new EchoDispatcher()).queueCapacity(Math.max(256, inFlight * 2))
          .build()) {
        echo.start();
        Result r = drive(hub, out);
        out.printf("%d in flight for %d s: %d calls, %.0f calls/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                + " errors %s%n", inFlight, seconds, r.calls, r.calls / (double) seconds, r.percentile(50),
            r.percentile(99), r.percentile(100), r.errors.isEmpty() ? "none" : r.errors);
        return r.errors.isEmpty() ? 0 : 1;
      }
    } finally {
      try (java.util.stream.Stream<Path> files = Files.walk(deviceInfoDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private Result drive(LocalHub hub, PrintWriter out) throws InterruptedException {
    String endpoint = "http://" + hub.apiEndpoint();
    Result result = new Result();
    // The clock starts once every worker has its client and has made one call: creating a CommonClient
    // (class loading, TLS set-up) can take seconds on a busy machine.
    CountDownLatch ready = new CountDownLatch(inFlight);
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2]; // measureFrom, end: written before go opens, read after
    CountDownLatch done = new CountDownLatch(inFlight);
    for (int i = 0; i < inFlight; i++) {
      int worker = i;
      Thread t = new Thread(() -> {
        try {
          CommonClient client = CloudClients.iotcloud(endpoint, null, "2021-04-08", hub.credentials().secretId(),
              hub.credentials().secretKey());
          call(client, worker, -1, result);
          ready.countDown();
          go.await();
          long measureFrom = window[0];
          long end = window[1];
          for (long n = 0; ; n++) {
            long before = System.nanoTime();
            if (before >= end) {
              return;
            }
            boolean ok = call(client, worker, n, result);
            long after = System.nanoTime();
            if (ok && before >= measureFrom && after <= end) {
              result.record(after - before);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          ready.countDown();
          done.countDown();
        }
      }, "rrpc-hub-load-" + i);
      t.setDaemon(true);
      t.start();
    }
    if (!ready.await(120, TimeUnit.SECONDS)) {
      result.errors.put("workers not ready within 120 s", new AtomicLong(1));
    }
    long start = System.nanoTime();
    window[0] = start + TimeUnit.SECONDS.toNanos(warmup);
    window[1] = window[0] + TimeUnit.SECONDS.toNanos(seconds);
    out.printf("driving %d calls in flight: %d s warm-up, %d s measured ...%n", inFlight, warmup, seconds);
    out.flush();
    go.countDown();
    if (!done.await(warmup + seconds + 30, TimeUnit.SECONDS)) {
      result.errors.put("workers still running at the end", new AtomicLong(1));
    }
    return result;
  }

  /** One signed PublishRRPCMessage through CommonClient; failures are counted by code. */
  private static boolean call(CommonClient client, int worker, long n, Result result) {
    JsonObject request = new JsonObject();
    request.addProperty("ProductId", PRODUCT);
    request.addProperty("DeviceName", DEVICE);
    request.addProperty("Payload", "echo " + worker + "-" + n);
    try {
      client.commonRequest(new CommonRequest(request.toString()), "PublishRRPCMessage");
      return true;
    } catch (TencentCloudSDKException e) {
      result.errors.computeIfAbsent(String.valueOf(e.getErrorCode()), k -> new AtomicLong()).incrementAndGet();
    } catch (RuntimeException e) {
      result.errors.computeIfAbsent(e.toString(), k -> new AtomicLong()).incrementAndGet();
    }
    return false;
  }

  /** Latencies of the measured calls and the errors, thread-safe. */
  private static final class Result {
    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>(new TreeMap<>());
    private final List<Long> nanos = new ArrayList<>();
    long calls;

    synchronized void record(long latencyNanos) {
      nanos.add(latencyNanos);
      calls++;
    }

    synchronized double percentile(int p) {
      if (nanos.isEmpty()) {
        return 0;
      }
      long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(sorted);
      int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1e6;
    }
  }
}
