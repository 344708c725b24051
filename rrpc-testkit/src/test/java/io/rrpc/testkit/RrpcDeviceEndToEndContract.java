package io.rrpc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.RrpcDevice;
import io.rrpc.runtime.RrpcStartException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The hub simulator against a real device built on rrpc-runtime: the end-to-end suite. Each
 * concrete subclass runs it on one broker; each test uses its own device name.
 */
abstract class RrpcDeviceEndToEndContract extends OnOneHub {
  static final String PRODUCT = "KL4J2XXXX8";
  /** Shorter than the device's own 3.5 s deadline, so that a slow handler meets the hub's timeout first. */
  static final Duration HUB_TIMEOUT = Duration.ofSeconds(2);
  private static final AtomicInteger DEVICES = new AtomicInteger();

  static String newDeviceName() {
    return "rt" + DEVICES.incrementAndGet();
  }

  static RrpcDevice startDevice(HubSimulator hub, String name, ThermostatCommands commands) {
    // start() itself connects again when a broker drops the first connection before the SUBACK.
    RrpcDevice device = hub.deviceBuilder(PRODUCT, name)
        .dispatcher(new ThermostatCommands_RrpcDispatcher(commands))
        .build();
    try {
      device.start();
      return device;
    } catch (RuntimeException e) {
      device.close();
      throw e;
    }
  }

  @Test
  void aCommandIsAnsweredAndTheReplyComesBackAsPayloadBase64() {
    HubSimulator hub = hub();
    String name = newDeviceName();
    try (RrpcDevice device = startDevice(hub, name, new ThermostatCommands(1))) {
      RrpcResult result = hub.publishRrpc(PRODUCT, name, "closed");

      assertEquals(Base64.getEncoder().encodeToString("ok".getBytes(StandardCharsets.UTF_8)), result.payloadBase64());
      assertEquals("ok", result.payloadText());
      assertTrue(result.messageId() > 0);
      assertEquals("hello world", hub.publishRrpc(PRODUCT, name, "echo hello world").payloadText());
      assertEquals("{\"t\":1}", hub.publishRrpc(PRODUCT, name, "{\"method\":\"echo\",\"params\":{\"t\":1}}").payloadText());
    }
  }

  @Test
  void anUnknownCommandGetsTheDevicesErrorReplyAsAnOrdinaryResult() {
    HubSimulator hub = hub();
    String name = newDeviceName();
    try (RrpcDevice device = startDevice(hub, name, new ThermostatCommands(1))) {
      assertTrue(hub.publishRrpc(PRODUCT, name, "fly").payloadText().startsWith("error unknown_command: "));
      assertTrue(hub.publishRrpc(PRODUCT, name, "{\"method\":\"fly\"}").payloadText()
          .startsWith("{\"error\":{\"code\":\"unknown_command\""));
    }
  }

  @Test
  void twoHundredRequestsInFlightAtOnceAreAllMatched() throws Exception {
    String name = newDeviceName();
    int calls = 200;
    // The device answers none until all 200 have arrived: only concurrent calls can succeed. The hub and
    // the device get deadlines no loaded machine reaches, because the first request's deadline runs while
    // the other 199 are still being delivered; what is checked is the matching, not the time.
    HubSimulator hub = hub();
    try (HubSimulator patient = HubSimulator.builder().broker(broker()).rrpcTimeout(Duration.ofSeconds(60)).connect();
        RrpcDevice device = hub.deviceBuilder(PRODUCT, name)
            .dispatcher(new ThermostatCommands_RrpcDispatcher(new ThermostatCommands(calls)))
            .deadline(60, TimeUnit.SECONDS)
            .build()) {
      device.start();
      List<CompletableFuture<RrpcResult>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        results.add(patient.publishRrpcAsync(PRODUCT, name, "hold " + i));
      }
      for (int i = 0; i < calls; i++) {
        RrpcResult r = results.get(i).get(70, TimeUnit.SECONDS);
        assertEquals("held " + i, r.payloadText());
      }
      assertEquals(calls, results.stream().map(f -> f.join().messageId()).distinct().count());
    }
  }

  @Test
  void aHandlerSlowerThanTheDeadlineEndsInRrpcTimeout() {
    HubSimulator hub = hub();
    String name = newDeviceName();
    ThermostatCommands commands = new ThermostatCommands(1);
    try (RrpcDevice device = startDevice(hub, name, commands)) {
      try {
        RrpcCallException e = assertThrows(RrpcCallException.class, () -> hub.publishRrpc(PRODUCT, name, "slow"));
        assertEquals(RrpcCallException.RRPC_TIMEOUT, e.code());
      } finally {
        commands.releaseSlow.countDown();
      }
      assertEquals("ok", hub.publishRrpc(PRODUCT, name, "closed").payloadText());
    }
  }

  @Test
  void theDeviceIsOfflineBeforeItStartsAndAfterItCloses() throws Exception {
    HubSimulator hub = hub();
    String name = newDeviceName();
    hub.deviceInfo(PRODUCT, name); // registered, never connected
    assertEquals(RrpcCallException.DEVICE_OFFLINE,
        assertThrows(RrpcCallException.class, () -> hub.publishRrpc(PRODUCT, name, "closed")).code());

    RrpcDevice device = startDevice(hub, name, new ThermostatCommands(1));
    assertEquals("ok", hub.publishRrpc(PRODUCT, name, "closed").payloadText());
    device.close();
    assertTrue(hub.awaitOffline(PRODUCT, name, Duration.ofSeconds(5)));

    assertEquals(RrpcCallException.DEVICE_OFFLINE,
        assertThrows(RrpcCallException.class, () -> hub.publishRrpc(PRODUCT, name, "closed")).code());
  }

  @Test
  void aPayloadOverTheLimitIsRefusedAndTheDeviceNeverSeesIt() {
    HubSimulator hub = hub();
    String name = newDeviceName();
    try (RrpcDevice device = startDevice(hub, name, new ThermostatCommands(1))) {
      byte[] tooLong = new byte[HubSimulator.DEFAULT_PAYLOAD_LIMIT + 1];
      java.util.Arrays.fill(tooLong, (byte) 'x');

      RrpcCallException e = assertThrows(RrpcCallException.class, () -> hub.publishRrpc(PRODUCT, name, tooLong));
      assertEquals(RrpcCallException.PAYLOAD_OVER_LIMIT, e.code());
      assertEquals("ok", hub.publishRrpc(PRODUCT, name, "closed").payloadText());
      assertEquals(1, device.metrics().received());
    }
  }
}
