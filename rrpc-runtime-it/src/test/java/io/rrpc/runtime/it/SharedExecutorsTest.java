package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.annotations.RrpcCommand;
import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcExecutors;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.RrpcResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fifty devices in one JVM on one {@link RrpcExecutors} (issue 14, goal 4): every device answers its own
 * requests, and a handler blocked on one device leaves the others serving.
 */
class SharedExecutorsTest {
  private static final String PRODUCT = "SHARED0001";
  private static final int DEVICES = 50;
  private static final String THREAD_PREFIX = "shared-executors-test-";

  private static EmbeddedBroker broker;
  private static HubSimulator hub;
  private static RrpcExecutors shared;
  private static final List<RrpcDevice> fleet = new ArrayList<>();
  private static final List<DeviceCommands> commands = new ArrayList<>();
  /** The name of every thread a handler ran on. */
  private static final Set<String> handlerThreads = ConcurrentHashMap.newKeySet();

  /** What each device serves: its own name, so a reply shows which device answered. */
  public static final class DeviceCommands {
    final String name;
    final AtomicInteger whoamiCalls = new AtomicInteger();
    final CountDownLatch blockStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    DeviceCommands(String name) {
      this.name = name;
    }

    @RrpcCommand("whoami")
    public String whoami(String argumentText) {
      whoamiCalls.incrementAndGet();
      handlerThreads.add(Thread.currentThread().getName());
      return name + " " + argumentText;
    }

    @RrpcCommand("block")
    public String block() throws InterruptedException {
      blockStarted.countDown();
      if (!release.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released block");
      }
      return "unblocked";
    }
  }

  @BeforeAll
  static void startFleet() throws Exception {
    broker = EmbeddedBroker.start();
    // Long deadlines: the blocked handler must still be running, not timed out, when the others have answered.
    hub = HubSimulator.builder().broker(broker).rrpcTimeout(Duration.ofSeconds(60)).connect();
    AtomicInteger threadCount = new AtomicInteger();
    ThreadFactory threads = r -> {
      Thread t = new Thread(r, THREAD_PREFIX + threadCount.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    // A bound below the starters' parallelism, so that starts wait their turn at the connect gate.
    shared = RrpcExecutors.builder().threadFactory(threads).maxConcurrentConnects(4).build();
    for (int i = 0; i < DEVICES; i++) {
      DeviceCommands c = new DeviceCommands("device" + i);
      commands.add(c);
      fleet.add(hub.deviceBuilder(PRODUCT, c.name)
          .dispatcher(new SharedExecutorsTest_DeviceCommands_RrpcDispatcher(c))
          .executors(shared)
          .deadline(45, TimeUnit.SECONDS)
          .build());
    }
    ExecutorService starters = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> starts = new ArrayList<>();
      for (RrpcDevice d : fleet) {
        starts.add(starters.submit(d::start));
      }
      for (Future<?> s : starts) {
        s.get(2, TimeUnit.MINUTES);
      }
    } finally {
      starters.shutdownNow();
    }
  }

  @AfterAll
  static void closeFleet() {
    for (DeviceCommands c : commands) {
      c.release.countDown();
    }
    for (RrpcDevice d : fleet) {
      d.close();
    }
    if (shared != null) {
      shared.close();
    }
    if (hub != null) {
      hub.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void everyDeviceAnswersItsOwnRequestsOnTheSharedThreads() throws Exception {
    int perDevice = 3;
    int[] callsBefore = new int[DEVICES];
    for (int i = 0; i < DEVICES; i++) {
      callsBefore[i] = commands.get(i).whoamiCalls.get();
    }
    List<CompletableFuture<RrpcResult>> replies = new ArrayList<>();
    for (int k = 0; k < perDevice; k++) {
      for (int i = 0; i < DEVICES; i++) {
        replies.add(hub.publishRrpcAsync(PRODUCT, "device" + i, "whoami request" + k));
      }
    }
    int n = 0;
    for (int k = 0; k < perDevice; k++) {
      for (int i = 0; i < DEVICES; i++) {
        assertEquals("device" + i + " request" + k, replies.get(n++).get(30, TimeUnit.SECONDS).payloadText());
      }
    }
    for (int i = 0; i < DEVICES; i++) {
      assertEquals(perDevice, commands.get(i).whoamiCalls.get() - callsBefore[i], "calls on device" + i);
    }
    for (String thread : handlerThreads) {
      assertTrue(thread.startsWith(THREAD_PREFIX), "a handler ran on " + thread + ", not a shared thread");
    }
  }

  @Test
  void aHandlerBlockedOnOneDeviceDoesNotStallTheOthers() throws Exception {
    DeviceCommands slow = commands.get(0);
    CompletableFuture<RrpcResult> blocked = hub.publishRrpcAsync(PRODUCT, slow.name, "block");
    assertTrue(slow.blockStarted.await(30, TimeUnit.SECONDS), "block started on " + slow.name);

    List<CompletableFuture<RrpcResult>> others = new ArrayList<>();
    for (int i = 1; i < DEVICES; i++) {
      others.add(hub.publishRrpcAsync(PRODUCT, "device" + i, "whoami meanwhile"));
    }
    for (int i = 1; i < DEVICES; i++) {
      assertEquals("device" + i + " meanwhile", others.get(i - 1).get(30, TimeUnit.SECONDS).payloadText());
    }
    assertFalse(blocked.isDone(), "the blocked handler is still running while the others answered");

    slow.release.countDown();
    assertEquals("unblocked", blocked.get(30, TimeUnit.SECONDS).payloadText());
  }
}
