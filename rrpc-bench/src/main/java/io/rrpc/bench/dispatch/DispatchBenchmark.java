package io.rrpc.bench.dispatch;

import io.rrpc.runtime.RrpcDispatcher;
import io.rrpc.runtime.RrpcRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-process request path, from the raw payload bytes to the reply bytes: {@code RrpcRequest.of}
 * → dispatcher → {@code RrpcReply.payload()}, for a text command and a JSON command with two params,
 * through the generated dispatcher, a hand-written switch (the floor) and a reflective dispatcher.
 *
 * <p>Each {@code dispatcher} value runs in its own JVM fork, so every call site sees one
 * implementation, as in a device.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DispatchBenchmark {
  /** The dispatcher kinds, named as the report names them. */
  public static final String GENERATED = "generated";
  public static final String HAND_WRITTEN = "handWritten";
  public static final String REFLECTIVE = "reflective";

  static final byte[] TEXT = "closed".getBytes(StandardCharsets.UTF_8);
  static final byte[] JSON =
      "{\"method\":\"setClimate\",\"params\":{\"celsius\":24,\"mode\":\"cool\"}}".getBytes(StandardCharsets.UTF_8);
  // A 13-digit id like the hub's; the deadline is irrelevant here, no timer looks at it.
  private static final String PROCESS_ID = "1700000000001";

  @Param({GENERATED, HAND_WRITTEN, REFLECTIVE})
  public String dispatcher;

  private RrpcDispatcher target;

  @Setup
  public void setUp() {
    target = create(dispatcher, new BenchCommands());
  }

  /** {@code closed} → {@code ok}. */
  @Benchmark
  public byte[] text() throws Exception {
    return roundTrip(target, TEXT);
  }

  /** {@code {"method":"setClimate","params":{"celsius":24,"mode":"cool"}}} → {@code ok}. */
  @Benchmark
  public byte[] json() throws Exception {
    return roundTrip(target, JSON);
  }

  static byte[] roundTrip(RrpcDispatcher dispatcher, byte[] payload) throws Exception {
    RrpcRequest request = RrpcRequest.of(PROCESS_ID, payload);
    return dispatcher.dispatch(request).payload();
  }

  static RrpcDispatcher create(String kind, BenchCommands commands) {
    switch (kind) {
      case GENERATED:
        return new BenchCommands_RrpcDispatcher(commands);
      case HAND_WRITTEN:
        return new HandWrittenDispatcher(commands);
      case REFLECTIVE:
        return new ReflectiveDispatcher(commands);
      default:
        throw new IllegalArgumentException("unknown dispatcher kind: " + kind);
    }
  }
}
