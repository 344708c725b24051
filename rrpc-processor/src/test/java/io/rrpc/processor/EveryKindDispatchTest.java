package io.rrpc.processor;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rrpc.processor.fixtures.EveryKindCommands;
import io.rrpc.processor.fixtures.EveryKindCommands_RrpcDispatcher;
import io.rrpc.runtime.RrpcDispatcher;
import io.rrpc.runtime.RrpcException;
import io.rrpc.runtime.RrpcReply;
import io.rrpc.runtime.RrpcRequest;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Each parameter binding and return conversion of the generated code, through {@link EveryKindCommands}. */
class EveryKindDispatchTest {
  private final RrpcDispatcher dispatcher = new EveryKindCommands_RrpcDispatcher(new EveryKindCommands());

  // ---- Parameters ----

  @Test
  void theRequestItself() throws Exception {
    assertThat(dispatcher.dispatch(RrpcRequest.of("4711", "request")).text()).isEqualTo("4711");
  }

  @Test
  void byteArrayIsThePayload() throws Exception {
    byte[] payload = "payload \u0000\u00ff".getBytes(UTF_8);

    assertThat(dispatcher.dispatch(RrpcRequest.of("1", payload)).payload()).isEqualTo(payload);
  }

  @Test
  void stringIsTheArgumentText() throws Exception {
    assertThat(reply("text  hello world ")).isEqualTo("[hello world]");
    assertThat(reply("{\"method\":\"text\",\"params\":{\"a\":1}}")).isEqualTo("[{\"a\":1}]");
  }

  @Test
  void primitiveParams() throws Exception {
    String request = "{\"method\":\"primitives\",\"params\":"
        + "{\"z\":true,\"b\":-128,\"s\":300,\"i\":70000,\"l\":1099511627776,\"f\":2.5,\"d\":0.125,\"c\":\"x\"}}";

    assertThat(reply(request)).isEqualTo("true -128 300 70000 1099511627776 2.5 0.125 x");
  }

  @Test
  void primitiveParamsAreRequired() {
    String request = "{\"method\":\"primitives\",\"params\":"
        + "{\"z\":true,\"b\":1,\"s\":1,\"i\":1,\"l\":1,\"f\":1,\"d\":1}}";

    RrpcException e = assertThrows(RrpcException.class, () -> dispatcher.dispatch(RrpcRequest.of("1", request)));

    assertThat(e.code()).isEqualTo("invalid_params");
    assertThat(e.getMessage()).contains("\"c\"");
  }

  @Test
  void boxedParamsAreOptional() throws Exception {
    assertThat(reply("{\"method\":\"boxes\",\"params\":{\"i\":5,\"c\":\"y\",\"d\":null}}"))
        .isEqualTo("null null null 5 null null null y");
    assertThat(reply("boxes")).isEqualTo("null null null null null null null null");
  }

  @Test
  void boxedParamsAreConverted() throws Exception {
    String request = "{\"method\":\"boxes\",\"params\":"
        + "{\"z\":false,\"b\":7,\"s\":-2,\"i\":3,\"l\":4,\"f\":0.5,\"d\":1e3,\"c\":\"q\"}}";

    assertThat(reply(request)).isEqualTo("false 7 -2 3 4 0.5 1000.0 q");
  }

  @Test
  void aBoxedParamOutOfRangeIsInvalidParams() {
    RrpcException e = assertThrows(RrpcException.class, () -> dispatcher.dispatch(
        RrpcRequest.of("1", "{\"method\":\"boxes\",\"params\":{\"b\":300}}")));

    assertThat(e.code()).isEqualTo("invalid_params");
  }

  @Test
  void stringParam() throws Exception {
    assertThat(reply("{\"method\":\"string\",\"params\":{\"name\":\"hall\"}}")).isEqualTo("name=hall");
    assertThat(reply("{\"method\":\"string\"}")).isEqualTo("name=null");
    assertThrows(RrpcException.class,
        () -> dispatcher.dispatch(RrpcRequest.of("1", "{\"method\":\"string\",\"params\":{\"name\":5}}")));
  }

  @Test
  void enumParam() throws Exception {
    assertThat(reply("{\"method\":\"enum\",\"params\":{\"fan\":\"HIGH\"}}")).isEqualTo("fan=HIGH");
  }

  @Test
  void jsonTreeParams() throws Exception {
    assertThat(reply("{\"method\":\"json\",\"params\":{\"e\":3,\"o\":{\"k\":[1]},\"a\":[true]}}"))
        .isEqualTo("3 {\"k\":[1]} [true]");
    RrpcException e = assertThrows(RrpcException.class, () -> dispatcher.dispatch(
        RrpcRequest.of("1", "{\"method\":\"json\",\"params\":{\"o\":[1]}}")));
    assertThat(e.code()).isEqualTo("invalid_params");
  }

  @Test
  void otherParamTypesGoThroughGson() throws Exception {
    String request = "{\"method\":\"gson\",\"params\":"
        + "{\"schedule\":{\"hour\":6,\"action\":\"cool\"},\"hours\":[6,18],\"levels\":[1,2]}}";

    assertThat(reply(request)).isEqualTo("cool@6 [6, 18] [1, 2]");
  }

  @Test
  void gsonKeepsTypeArguments() throws Exception {
    // List<Integer> is bound through a TypeToken that kept <Integer>: 6, not Gson's default 6.0.
    assertThat(reply("{\"method\":\"gson\",\"params\":{\"hours\":[6]}}")).isEqualTo("null [6] null");
  }

  @Test
  void aMistypedGsonParamIsInvalidParams() {
    RrpcException e = assertThrows(RrpcException.class, () -> dispatcher.dispatch(
        RrpcRequest.of("1", "{\"method\":\"gson\",\"params\":{\"hours\":{\"not\":\"a list\"}}}")));

    assertThat(e.code()).isEqualTo("invalid_params");
  }

  @Test
  void paramsAnnotatedNonNullAreBoundWhenPresent() throws Exception {
    assertThat(reply(nonNullRequest()))
        .isEqualTo("hall 3 HIGH {\"k\":1} heat@6 [6, 18]");
  }

  @Test
  void aMissingParamAnnotatedNonNullIsInvalidParams() {
    // Declaration annotations (@NotNull, @Nonnull) and a type-use one (@NonNull), on every kind of type.
    for (String name : new String[] {"name", "level", "fan", "tree", "schedule", "hours"}) {
      String request = nonNullRequest().replace("\"" + name + "\":", "\"absent\":");

      RrpcException e = assertThrows(RrpcException.class, () -> dispatcher.dispatch(RrpcRequest.of("1", request)));

      assertThat(e.code()).isEqualTo("invalid_params");
      assertThat(e.getMessage()).isEqualTo("param \"" + name + "\" is required");
    }
  }

  @Test
  void aJsonNullParamAnnotatedNonNullIsInvalidParams() {
    String request = nonNullRequest().replace("\"HIGH\"", "null");

    RrpcException e = assertThrows(RrpcException.class, () -> dispatcher.dispatch(RrpcRequest.of("1", request)));

    assertThat(e.code()).isEqualTo("invalid_params");
    assertThat(e.getMessage()).isEqualTo("param \"fan\" is required");
  }

  @Test
  void aMissingParamIsReportedLikeAMissingPrimitive() {
    RrpcException primitive = assertThrows(RrpcException.class, () -> dispatcher.dispatch(
        RrpcRequest.of("1", "{\"method\":\"primitives\",\"params\":{}}")));
    RrpcException nonNull = assertThrows(RrpcException.class, () -> dispatcher.dispatch(
        RrpcRequest.of("1", "{\"method\":\"nonNull\",\"params\":{}}")));

    assertThat(nonNull.getMessage()).isEqualTo(primitive.getMessage().replace("\"z\"", "\"name\""));
  }

  private static String nonNullRequest() {
    return "{\"method\":\"nonNull\",\"params\":{\"name\":\"hall\",\"level\":3,\"fan\":\"HIGH\","
        + "\"tree\":{\"k\":1},\"schedule\":{\"hour\":6,\"action\":\"heat\"},\"hours\":[6,18]}}";
  }

  // ---- Returns ----

  @Test
  void voidIsOk() throws Exception {
    assertThat(reply("void")).isEqualTo("ok");
    assertThat(reply("Void")).isEqualTo("ok");
  }

  @Test
  void textAndPrimitivesAreTheirText() throws Exception {
    assertThat(reply("charSequence")).isEqualTo("built");
    assertThat(reply("byte")).isEqualTo("-8");
    assertThat(reply("short")).isEqualTo("300");
    assertThat(reply("int")).isEqualTo("70000");
    assertThat(reply("long")).isEqualTo("1099511627776");
    assertThat(reply("float")).isEqualTo("2.5");
    assertThat(reply("double")).isEqualTo("0.125");
    assertThat(reply("boolean")).isEqualTo("true");
    assertThat(reply("char")).isEqualTo("é");
  }

  @Test
  void boxesAreTheirTextAndNullIsEmpty() throws Exception {
    assertThat(reply("Integer")).isEqualTo("42");
    assertThat(reply("nullBox")).isEmpty();
  }

  @Test
  void objectsAreJson() throws Exception {
    assertThat(reply("jsonElement")).isEqualTo("{\"power\":\"off\"}");
    assertThat(reply("pojo")).isEqualTo("{\"hour\":7,\"action\":\"heat\"}");
  }

  @Test
  void anRrpcReplyIsPassedOnAsItIs() throws Exception {
    assertThat(dispatcher.dispatch(RrpcRequest.of("1", "reply")).payload()).isEqualTo(new byte[] {1, 2, 3});
  }

  @Test
  void staticMethodsAreCalled() throws Exception {
    assertThat(reply("static")).isEqualTo("1.0");
  }

  @Test
  void stagesConvertTheirValue() throws Exception {
    assertThat(asyncReply("stage").text()).isEqualTo("later");
    assertThat(asyncReply("future").text()).isEqualTo("7");
    assertThat(asyncReply("voidStage").text()).isEqualTo("ok");
    assertThat(asyncReply("bytesStage").payload()).isEqualTo(new byte[] {9});
    assertThat(asyncReply("jsonStage").text()).isEqualTo("{\"ready\":true}");
    assertThat(asyncReply("replyStage").text()).isEqualTo("as is");
    assertThat(asyncReply("wildcardStage").text()).isEqualTo("bounded");
  }

  @Test
  void aFailedStageFailsTheReply() throws Exception {
    RrpcReply reply = dispatcher.dispatch(RrpcRequest.of("1", "failedStage"));

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> reply.pending().toCompletableFuture().get(5, SECONDS));
    assertThat(e).hasCauseThat().hasMessageThat().isEqualTo("sensor offline");
  }

  private String reply(String payload) throws Exception {
    RrpcReply reply = dispatcher.dispatch(RrpcRequest.of("1", payload));
    assertThat(reply.isAsync()).isFalse();
    return reply.text();
  }

  private RrpcReply asyncReply(String key) throws Exception {
    RrpcReply reply = dispatcher.dispatch(RrpcRequest.of("1", key));
    assertThat(reply.isAsync()).isTrue();
    return reply.pending().toCompletableFuture().get(5, SECONDS);
  }
}
