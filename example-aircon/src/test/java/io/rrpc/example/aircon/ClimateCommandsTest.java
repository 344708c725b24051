package io.rrpc.example.aircon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcRequest;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.junit5.RrpcHubExtension;
import io.rrpc.testkit.RrpcResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's testing example, kept compiling and passing; plus a dispatcher called without a broker. */
@ExtendWith(RrpcHubExtension.class)
class ClimateCommandsTest {
  @Test
  void setsTheTemperature(HubSimulator hub) {
    AirConditioner aircon = new AirConditioner();
    try (RrpcDevice device = hub.deviceBuilder("ABCDEFGHIJ", "airConditioner1")
        .dispatcher(new ClimateCommands_RrpcDispatcher(new ClimateCommands(aircon)))
        .build()) {
      device.start();

      RrpcResult result = hub.publishRrpc("ABCDEFGHIJ", "airConditioner1",
          "{\"method\":\"setTemperature\",\"params\":{\"celsius\":24}}");

      assertEquals(24, aircon.state().targetCelsius());
      assertEquals("eyJwb3dlciI6Im9uIiwibW9kZSI6ImF1dG8iLCJjZWxzaXVzIjoyNCwiZmFuIjoiYXV0byJ9", result.payloadBase64());
    }
  }

  @Test
  void aDispatcherCanBeCalledWithoutABroker() throws Exception {
    AirConditioner aircon = new AirConditioner();
    ClimateCommands_RrpcDispatcher dispatcher = new ClimateCommands_RrpcDispatcher(new ClimateCommands(aircon));

    String reply = dispatcher.dispatch(
        RrpcRequest.of("1", "{\"method\":\"setMode\",\"params\":{\"mode\":\"fan\"}}")).text();

    assertEquals("{\"power\":\"on\",\"mode\":\"fan\",\"celsius\":26,\"fan\":\"auto\"}", reply);
    assertNull(dispatcher.dispatch(RrpcRequest.of("2", "closed")), "not this class's command");
  }
}
