package io.rrpc.processor;

import static com.google.common.truth.Truth.assertThat;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rrpc.processor.fixtures.DeviceCommands;
import io.rrpc.processor.fixtures.DeviceCommands_Diagnostics_RrpcDispatcher;
import io.rrpc.processor.fixtures.EveryKindCommands;
import io.rrpc.processor.fixtures.EveryKindCommands_RrpcDispatcher;
import io.rrpc.processor.fixtures.ThermostatCommands;
import io.rrpc.processor.fixtures.ThermostatCommands_RrpcDispatcher;
import io.rrpc.runtime.RrpcDispatcher;
import io.rrpc.runtime.RrpcException;
import io.rrpc.runtime.RrpcReply;
import io.rrpc.runtime.RrpcRequest;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher generated for {@link ThermostatCommands} when the test sources were compiled, called
 * for real: which method runs, with which arguments, and what it answers.
 */
class GeneratedDispatcherTest {
  private final ThermostatCommands thermostat = new ThermostatCommands();
  private final RrpcDispatcher dispatcher = new ThermostatCommands_RrpcDispatcher(thermostat);

  @Test
  void describesItsCommandsInDeclarationOrder() {
    assertThat(dispatcher.commands())
        .containsExactly("closed", "open", "on", "start", "setTemperature", "report")
        .inOrder();
    assertThrows(UnsupportedOperationException.class, () -> dispatcher.commands().add("x"));
    assertThat(dispatcher.hasFallback()).isTrue();
    assertThat(dispatcher.handlerClass()).isEqualTo("io.rrpc.processor.fixtures.ThermostatCommands");
  }

  @Test
  void callsTheMethodOfTheKey() throws Exception {
    RrpcReply reply = dispatcher.dispatch(text("closed"));

    assertThat(reply.text()).isEqualTo("closed");
    assertThat(thermostat.calls).containsExactly("close()");
  }

  @Test
  void everyKeyOfAMultiKeyMethodCallsIt() throws Exception {
    for (String key : new String[] {"open", "on", "start"}) {
      assertThat(dispatcher.dispatch(text(key)).text()).isEqualTo("ok");
    }
    assertThat(thermostat.calls).containsExactly("open()", "open()", "open()");
  }

  @Test
  void bindsJsonParams() throws Exception {
    RrpcReply reply = dispatcher.dispatch(
        json("{\"method\":\"setTemperature\",\"params\":{\"celsius\":24,\"fan\":\"HIGH\"}}"));

    assertThat(reply.text()).isEqualTo("set 24");
    assertThat(thermostat.calls).containsExactly("setTemperature(24, HIGH)");
  }

  @Test
  void anAbsentOptionalParamIsNull() throws Exception {
    dispatcher.dispatch(json("{\"method\":\"setTemperature\",\"params\":{\"celsius\":18}}"));

    assertThat(thermostat.calls).containsExactly("setTemperature(18, null)");
  }

  @Test
  void aMissingRequiredParamIsInvalidParamsAndTheHandlerIsNotCalled() {
    RrpcException e = assertThrows(RrpcException.class,
        () -> dispatcher.dispatch(json("{\"method\":\"setTemperature\",\"params\":{\"fan\":\"LOW\"}}")));

    assertThat(e.code()).isEqualTo("invalid_params");
    assertThat(e.getMessage()).contains("celsius");
    assertThat(thermostat.calls).isEmpty();
  }

  @Test
  void aMistypedParamIsInvalidParams() {
    RrpcException fraction = assertThrows(RrpcException.class,
        () -> dispatcher.dispatch(json("{\"method\":\"setTemperature\",\"params\":{\"celsius\":24.5}}")));
    RrpcException unknownEnum = assertThrows(RrpcException.class, () -> dispatcher.dispatch(
        json("{\"method\":\"setTemperature\",\"params\":{\"celsius\":24,\"fan\":\"TURBO\"}}")));

    assertThat(fraction.code()).isEqualTo("invalid_params");
    assertThat(unknownEnum.code()).isEqualTo("invalid_params");
    assertThat(unknownEnum.getMessage()).contains("LOW, HIGH");
    assertThat(thermostat.calls).isEmpty();
  }

  @Test
  void anAsyncHandlerRepliesWhenItsStageCompletes() throws Exception {
    RrpcReply reply = dispatcher.dispatch(text("report"));

    assertThat(reply.isAsync()).isTrue();
    assertThat(reply.pending().toCompletableFuture().isDone()).isFalse();
    thermostat.report.complete("21.5 C");
    assertThat(reply.pending().toCompletableFuture().get(5, SECONDS).text()).isEqualTo("21.5 C");
  }

  @Test
  void anUnknownKeyGoesToTheFallback() throws Exception {
    RrpcReply reply = dispatcher.dispatch(text("defrost now"));

    assertThat(reply.text()).isEqualTo("unsupported: defrost");
    assertThat(thermostat.calls).containsExactly("unknown(defrost)");
  }

  @Test
  void keysAreCaseSensitive() throws Exception {
    dispatcher.dispatch(text("Closed"));

    assertThat(thermostat.calls).containsExactly("unknown(Closed)");
  }

  @Test
  void withoutFallbackAnUnknownKeyIsNull() throws Exception {
    RrpcDispatcher everyKind = new EveryKindCommands_RrpcDispatcher(new EveryKindCommands());

    assertThat(everyKind.hasFallback()).isFalse();
    assertThat(everyKind.dispatch(text("defrost"))).isNull();
    assertThat(everyKind.dispatch(text(""))).isNull();
  }

  @Test
  void aMalformedJsonRequestIsRefusedBeforeAnyHandler() {
    RrpcException e = assertThrows(RrpcException.class, () -> dispatcher.dispatch(json("{\"method\":")));

    assertThat(e.code()).isEqualTo("malformed_json");
    assertThat(thermostat.calls).isEmpty();
  }

  @Test
  void theTargetIsRequired() {
    assertThrows(NullPointerException.class, () -> new ThermostatCommands_RrpcDispatcher(null));
  }

  @Test
  void nestedClassesJoinTheirNamesWithUnderscores() throws Exception {
    RrpcDispatcher diagnostics =
        new DeviceCommands_Diagnostics_RrpcDispatcher(new DeviceCommands.Diagnostics());

    assertThat(diagnostics.dispatch(text("ping")).text()).isEqualTo("pong");
    assertThat(diagnostics.handlerClass())
        .isEqualTo("io.rrpc.processor.fixtures.DeviceCommands.Diagnostics");
  }

  static RrpcRequest text(String payload) {
    return RrpcRequest.of("1", payload);
  }

  static RrpcRequest json(String payload) {
    return RrpcRequest.of("1", payload);
  }
}
