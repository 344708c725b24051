package io.rrpc.runtime.it;

import com.google.gson.JsonObject;
import io.rrpc.annotations.RrpcCommand;
import io.rrpc.annotations.RrpcParam;
import io.rrpc.runtime.RrpcException;
import io.rrpc.runtime.RrpcRequest;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler class as a device developer writes it; the rrpc processor generates
 * {@code AirconCommands_RrpcDispatcher} from it when the tests compile. The blocking, asynchronous and
 * recording commands are the tests' levers.
 */
final class AirconCommands {
  final AtomicInteger closedCalls = new AtomicInteger();
  final AtomicInteger blockCalls = new AtomicInteger();
  /** Counted down each time {@code block} starts. */
  final CountDownLatch blockStarted = new CountDownLatch(1);
  /** Every request {@code block} was called with, so a test can learn the hub's processId. */
  final BlockingQueue<RrpcRequest> blockRequests = new LinkedBlockingQueue<>();
  /** {@code block} waits for this. */
  final CountDownLatch release = new CountDownLatch(1);
  /** What {@code later} returns; the test completes it. */
  final CompletableFuture<String> later = new CompletableFuture<>();
  /**
   * The argument of every {@code mark} call. The device takes requests in the order the broker
   * delivers them, so once a test sees its mark here, every request it published before on the same
   * connection has been taken in too.
   */
  final BlockingQueue<String> marks = new LinkedBlockingQueue<>();

  @RrpcCommand("closed")
  String close() {
    closedCalls.incrementAndGet();
    return "ok";
  }

  @RrpcCommand("echo")
  String echo(String argumentText) {
    return argumentText;
  }

  @RrpcCommand("mark")
  String mark(String argumentText) {
    marks.add(argumentText);
    return "marked " + argumentText;
  }

  @RrpcCommand("setTemperature")
  String setTemperature(@RrpcParam("celsius") int celsius) {
    if (celsius < 16 || celsius > 30) {
      throw RrpcException.invalidParams("celsius must be 16..30");
    }
    return "temperature " + celsius;
  }

  @RrpcCommand("status")
  JsonObject status() {
    JsonObject o = new JsonObject();
    o.addProperty("power", "on");
    o.addProperty("celsius", 24);
    return o;
  }

  @RrpcCommand("block")
  String block(RrpcRequest request) throws InterruptedException {
    blockCalls.incrementAndGet();
    blockRequests.add(request);
    blockStarted.countDown();
    if (!release.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the test never released block");
    }
    return "unblocked";
  }

  @RrpcCommand("later")
  CompletableFuture<String> later() {
    return later;
  }

  @RrpcCommand("explode")
  String explode() {
    throw new IllegalStateException("compressor fault at 0x1F, internal detail");
  }

  @RrpcCommand("door")
  String door() {
    throw new RrpcException("door_open", "close the door first");
  }

  @RrpcCommand("nothing")
  void nothing() {}
}
