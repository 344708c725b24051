package io.rrpc.bench.dispatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rrpc.runtime.RrpcDispatcher;
import io.rrpc.runtime.RrpcException;
import io.rrpc.runtime.RrpcRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three dispatchers the JMH benchmark compares do the same work: same replies, same effects, same refusals. */
class DispatchersAgreeTest {

  @ParameterizedTest
  @ValueSource(strings = {DispatchBenchmark.GENERATED, DispatchBenchmark.HAND_WRITTEN, DispatchBenchmark.REFLECTIVE})
  void textCommandRepliesOkAndActs(String kind) throws Exception {
    BenchCommands commands = new BenchCommands();
    RrpcDispatcher dispatcher = DispatchBenchmark.create(kind, commands);

    assertArrayEquals(bytes("ok"), DispatchBenchmark.roundTrip(dispatcher, DispatchBenchmark.TEXT));
    assertEquals("off 26 auto", commands.state());
  }

  @ParameterizedTest
  @ValueSource(strings = {DispatchBenchmark.GENERATED, DispatchBenchmark.HAND_WRITTEN, DispatchBenchmark.REFLECTIVE})
  void jsonCommandBindsBothParams(String kind) throws Exception {
    BenchCommands commands = new BenchCommands();
    RrpcDispatcher dispatcher = DispatchBenchmark.create(kind, commands);

    assertArrayEquals(bytes("ok"), DispatchBenchmark.roundTrip(dispatcher, DispatchBenchmark.JSON));
    assertEquals("on 24 cool", commands.state());
  }

  @ParameterizedTest
  @ValueSource(strings = {DispatchBenchmark.GENERATED, DispatchBenchmark.HAND_WRITTEN, DispatchBenchmark.REFLECTIVE})
  void missingPrimitiveParamIsInvalidParams(String kind) {
    RrpcDispatcher dispatcher = DispatchBenchmark.create(kind, new BenchCommands());
    RrpcRequest request = RrpcRequest.of("1", "{\"method\":\"setClimate\",\"params\":{\"mode\":\"cool\"}}");

    RrpcException e = assertThrows(RrpcException.class, () -> dispatcher.dispatch(request));
    assertEquals(RrpcException.INVALID_PARAMS, e.code());
  }

  @ParameterizedTest
  @ValueSource(strings = {DispatchBenchmark.GENERATED, DispatchBenchmark.HAND_WRITTEN, DispatchBenchmark.REFLECTIVE})
  void unknownCommandIsNull(String kind) throws Exception {
    RrpcDispatcher dispatcher = DispatchBenchmark.create(kind, new BenchCommands());

    assertEquals(null, dispatcher.dispatch(RrpcRequest.of("1", "reboot")));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
