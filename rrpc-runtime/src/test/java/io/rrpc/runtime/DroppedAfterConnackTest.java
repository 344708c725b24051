package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A broker that accepts the connection and then drops it before acknowledging the subscription (as
 * Moquette 0.17 does about once in 300 connections) does not fail {@code start()}: the device connects
 * again. A broker that always does it fails with {@code CONNECTION_FAILED}, not "unreachable".
 */
class DroppedAfterConnackTest {

  @Test
  void startConnectsAgainWhenTheFirstConnectionIsDroppedBeforeTheSuback() throws Exception {
    try (ScriptedBroker broker = new ScriptedBroker(1)) {
      RrpcDevice device = TestDevices.builder(broker.uri(), new AirconCommands_RrpcDispatcher(new AirconCommands()))
          .build();
      try {
        device.start();
        assertTrue(device.isConnected());
      } finally {
        device.close();
      }
      assertEquals(2, broker.connections.get(), "one dropped connection, one that subscribed");
    }
  }

  @Test
  void aBrokerThatAlwaysDropsFailsWithConnectionFailed() throws Exception {
    try (ScriptedBroker broker = new ScriptedBroker(Integer.MAX_VALUE)) {
      RrpcDevice device = TestDevices.builder(broker.uri(), new AirconCommands_RrpcDispatcher(new AirconCommands()))
          .build();

      RrpcStartException e = assertThrows(RrpcStartException.class, device::start);

      assertEquals(RrpcStartException.Reason.CONNECTION_FAILED, e.reason());
      assertTrue(e.getMessage().contains("dropped the connection after accepting it"), e.getMessage());
      assertEquals(MqttSession.START_ATTEMPTS, broker.connections.get());
    }
  }

  /**
   * Just enough MQTT 3.1.1 to script the fault: CONNACK every CONNECT; for the first {@code drops}
   * connections close the socket on the SUBSCRIBE, afterwards grant it and read until the client goes.
   */
  private static final class ScriptedBroker implements AutoCloseable {
    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket server;
    private final int drops;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    ScriptedBroker(int drops) throws IOException {
      this.drops = drops;
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::serve, "scripted-broker");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String uri() {
      return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    private void serve() {
      try {
        while (!server.isClosed()) {
          try (Socket socket = server.accept()) {
            int n = connections.incrementAndGet();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            expect(in, 0x10); // CONNECT
            out.write(new byte[] {0x20, 0x02, 0x00, 0x00}); // CONNACK accepted
            out.flush();
            byte[] subscribe = expect(in, 0x80);
            if (n <= drops) {
              continue; // closing the socket here is the fault
            }
            out.write(new byte[] {(byte) 0x90, 0x03, subscribe[0], subscribe[1], 0x00}); // SUBACK QoS 0
            out.flush();
            while (true) {
              int type = readPacket(in)[0];
              if (type == 0xE0) { // DISCONNECT
                break;
              }
              if (type == 0xC0) { // PINGREQ
                out.write(new byte[] {(byte) 0xD0, 0x00});
                out.flush();
              }
            }
          } catch (IOException e) {
            // The client went away; wait for the next one.
          }
        }
      } finally {
        done.complete(null);
      }
    }

    /** Reads one packet of the given type; returns its variable header and payload. */
    private static byte[] expect(DataInputStream in, int type) throws IOException {
      byte[][] packet = {null};
      int[] header = readPacketWithBody(in, packet);
      if ((header[0] & 0xF0) != type) {
        throw new IOException("expected packet type " + type + ", got " + header[0]);
      }
      return packet[0];
    }

    private static int[] readPacket(DataInputStream in) throws IOException {
      return readPacketWithBody(in, new byte[1][]);
    }

    private static int[] readPacketWithBody(DataInputStream in, byte[][] body) throws IOException {
      int first = in.readUnsignedByte();
      int length = 0;
      int multiplier = 1;
      int b;
      do {
        b = in.readUnsignedByte();
        length += (b & 0x7F) * multiplier;
        multiplier *= 128;
      } while ((b & 0x80) != 0);
      body[0] = new byte[length];
      in.readFully(body[0]);
      return new int[] {first & 0xF0};
    }

    @Override
    public void close() throws Exception {
      server.close();
      done.get(10, TimeUnit.SECONDS);
    }
  }
}
