package com.example.thermo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrpc.runtime.RrpcDevice;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.RrpcResult;
import org.junit.jupiter.api.Test;

class ThermostatOnEmbeddedHubTest {
  @Test
  void theGeneratedDispatcherAnswersAPublishRrpcCallOnTheEmbeddedHub() {
    ThermostatCommands commands = new ThermostatCommands();
    try (EmbeddedBroker broker = EmbeddedBroker.start();
        HubSimulator hub = HubSimulator.connect(broker);
        RrpcDevice device = hub.deviceBuilder("KL4J2XXXX8", "thermostat1")
            .dispatcher(new ThermostatCommands_RrpcDispatcher(commands))
            .build()) {
      device.start();

      RrpcResult result = hub.publishRrpc("KL4J2XXXX8", "thermostat1",
          "{\"method\":\"setTemperature\",\"params\":{\"celsius\":24}}");

      assertEquals("celsius=24", result.payloadText());
      assertEquals("celsius=24", commands.status());
    }
  }
}
