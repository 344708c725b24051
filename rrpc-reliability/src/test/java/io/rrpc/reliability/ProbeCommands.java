package io.rrpc.reliability;

import com.google.gson.JsonObject;
import io.rrpc.annotations.RrpcCommand;
import io.rrpc.annotations.RrpcParam;
import io.rrpc.runtime.RrpcException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The handlers of the device under test, as a device developer writes them; the rrpc processor
 * generates {@code ProbeCommands_RrpcDispatcher} from them at test-compile time.
 */
public final class ProbeCommands {
  /** {@code slow} blocks until this opens (or its own limit passes). */
  final CountDownLatch releaseSlow = new CountDownLatch(1);
  /** Handler calls, any command. */
  final AtomicLong calls = new AtomicLong();

  /** Replies with its argument text: {@code echo 42} → {@code 42}. The reply proves which request it answers. */
  @RrpcCommand("echo")
  public String echo(String argumentText) {
    calls.incrementAndGet();
    return argumentText;
  }

  @RrpcCommand("closed")
  public String close() {
    calls.incrementAndGet();
    return "ok";
  }

  /** A JSON command with typed params: {@code {"method":"setTemp","params":{"celsius":24,"mode":"cool"}}}. */
  @RrpcCommand("setTemp")
  public JsonObject setTemp(@RrpcParam("celsius") int celsius, @RrpcParam("mode") String mode,
      @RrpcParam("fan") Integer fan) {
    calls.incrementAndGet();
    if (celsius < 16 || celsius > 30) {
      throw RrpcException.invalidParams("celsius must be 16..30");
    }
    JsonObject state = new JsonObject();
    state.addProperty("celsius", celsius);
    state.addProperty("mode", mode == null ? "auto" : mode);
    state.addProperty("fan", fan == null ? 0 : fan);
    return state;
  }

  /**
   * Replies like {@code echo} after about a millisecond of simulated I/O, so that one worker serves at
   * most ~1000 requests a second and a burst has to queue.
   */
  @RrpcCommand("work")
  public String work(String argumentText) {
    calls.incrementAndGet();
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    return argumentText;
  }

  /** Echoes the raw bytes, whatever they are. */
  @RrpcCommand("raw")
  public byte[] raw(byte[] payload) {
    calls.incrementAndGet();
    return payload;
  }

  /** A handler that fails with an exception whose message must never reach the caller. */
  @RrpcCommand("fail")
  public String fail() {
    calls.incrementAndGet();
    throw new IllegalStateException("internal detail that must stay on the device");
  }

  /**
   * A slow handler: blocks until the test releases it, bounded so a broken test cannot hang the suite.
   * Replies with its argument text like {@code echo}.
   */
  @RrpcCommand("slow")
  public String slow(String argumentText) throws InterruptedException {
    calls.incrementAndGet();
    releaseSlow.await(30, TimeUnit.SECONDS);
    return argumentText;
  }
}
