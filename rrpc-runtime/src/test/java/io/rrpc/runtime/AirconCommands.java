package io.rrpc.runtime;

import com.google.gson.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A handler class as a device developer writes it. The annotations are in comments because the
 * processor lives in another module; {@link AirconCommands_RrpcDispatcher} is written by hand the way
 * the processor writes it. The blocking and asynchronous commands are the test's levers.
 */
final class AirconCommands {
  final AtomicInteger closedCalls = new AtomicInteger();
  final AtomicInteger blockCalls = new AtomicInteger();
  /** Counted down each time {@code block} starts. */
  volatile CountDownLatch blockStarted = new CountDownLatch(1);
  /** {@code block} waits for this. */
  final CountDownLatch release = new CountDownLatch(1);
  /** What {@code later} returns; the test completes it. */
  final CompletableFuture<String> later = new CompletableFuture<>();

  // @RrpcCommand("closed")
  String close() {
    closedCalls.incrementAndGet();
    return "ok";
  }

  // @RrpcCommand("echo")
  String echo(String argumentText) {
    return argumentText;
  }

  // @RrpcCommand("setTemperature")
  String setTemperature(/* @RrpcParam("celsius") */ int celsius) {
    if (celsius < 16 || celsius > 30) {
      throw RrpcException.invalidParams("celsius must be 16..30");
    }
    return "temperature " + celsius;
  }

  // @RrpcCommand("status")
  JsonObject status() {
    JsonObject o = new JsonObject();
    o.addProperty("power", "on");
    o.addProperty("celsius", 24);
    return o;
  }

  // @RrpcCommand("block")
  String block() throws InterruptedException {
    blockCalls.incrementAndGet();
    blockStarted.countDown();
    if (!release.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the test never released block");
    }
    return "unblocked";
  }

  // @RrpcCommand("later")
  CompletableFuture<String> later() {
    return later;
  }

  // @RrpcCommand("explode")
  String explode() {
    throw new IllegalStateException("compressor fault at 0x1F, internal detail");
  }

  // @RrpcCommand("door")
  String door() {
    throw new RrpcException("door_open", "close the door first");
  }

  // @RrpcCommand("nothing")
  void nothing() {}
}
