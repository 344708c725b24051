package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pieces that let devices share threads: each device's handler lane, and the connect gate. */
class SharedThreadsTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void aBlockedLaneLeavesAnotherLaneOnTheSamePoolRunning() throws Exception {
    HandlerLane slow = new HandlerLane(pool, 1, 10);
    HandlerLane other = new HandlerLane(pool, 1, 10);
    CountDownLatch blocking = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    slow.execute(() -> {
      blocking.countDown();
      await(release);
    });
    assertTrue(blocking.await(10, TimeUnit.SECONDS));
    CountDownLatch ran = new CountDownLatch(1);
    other.execute(ran::countDown);
    assertTrue(ran.await(10, TimeUnit.SECONDS), "the other device's task ran while the first was blocked");
    release.countDown();
  }

  @Test
  void aLaneRunsItsTasksInArrivalOrderOneAtATimeAndRefusesPastItsCapacity() throws Exception {
    HandlerLane lane = new HandlerLane(pool, 1, 2);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> order = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(3);
    lane.execute(() -> {
      await(release);
      order.add(1);
      done.countDown();
    });
    lane.execute(() -> {
      order.add(2);
      done.countDown();
    });
    lane.execute(() -> {
      order.add(3);
      done.countDown();
    });
    assertEquals(2, lane.queued());
    assertThrows(RejectedExecutionException.class, () -> lane.execute(() -> {}), "the queue is full");
    release.countDown();
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(java.util.Arrays.asList(1, 2, 3), order);
  }

  @Test
  void stoppingALaneInterruptsItsRunningTaskAndRefusesNewOnes() throws Exception {
    HandlerLane lane = new HandlerLane(pool, 1, 2);
    CountDownLatch started = new CountDownLatch(1);
    BlockingQueue<Boolean> interrupted = new LinkedBlockingQueue<>();
    lane.execute(() -> {
      started.countDown();
      try {
        new CountDownLatch(1).await(30, TimeUnit.SECONDS);
        interrupted.add(false);
      } catch (InterruptedException e) {
        interrupted.add(true);
      }
    });
    assertTrue(started.await(10, TimeUnit.SECONDS));
    lane.stop();
    assertEquals(Boolean.TRUE, interrupted.poll(10, TimeUnit.SECONDS));
    assertThrows(RejectedExecutionException.class, () -> lane.execute(() -> {}));
  }

  @Test
  void theConnectGateAdmitsUpToItsLimitAndPassesEachReleasedPermitToTheNextInLine() {
    ConnectGate gate = new ConnectGate(2);
    BlockingQueue<ConnectGate.Permit> admitted = new LinkedBlockingQueue<>();
    for (int i = 0; i < 4; i++) {
      gate.enter(admitted::add);
    }
    assertEquals(2, admitted.size(), "two admitted, two waiting");
    ConnectGate.Permit first = admitted.poll();
    first.release();
    first.release(); // a second release of the same permit frees nothing more
    assertEquals(2, admitted.size(), "the third got the released permit, the fourth still waits");
    admitted.poll().release();
    assertEquals(2, admitted.size(), "the fourth got one");
    admitted.poll().release();
    admitted.poll().release();
    gate.enter(admitted::add);
    gate.enter(admitted::add);
    assertEquals(2, admitted.size(), "all permits came back");
    assertFalse(admitted.isEmpty());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
