package io.rrpc.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;

/**
 * A broker that forwards a PUBLISH whose topic name holds NUL (MQTT forbids it; Moquette forwards it
 * anyway) makes Paho's receiver thread die on an IllegalArgumentException it does not handle. The
 * device must notice and reconnect at once, not sit deaf on a connection that looks up until
 * keep-alive gives up (60 s by default, and twice that in the worst case).
 */
class MalformedPacketTest extends DeviceTestBase {

  @Test
  void aPacketThatKillsPahosReceiverMakesTheDeviceReconnectAtOnce() throws Exception {
    start(builder().keepAliveSeconds(60).reconnectBackoff(100, 100, TimeUnit.MILLISECONDS));
    assertEquals("ok", call("closed"));
    events.nextStartingWith("subscribed");

    publishWithRawTopic(RequestInjector.requestTopic("4\u00002"));

    // Subscribed again far sooner than keep-alive could notice (the events wait 10 s at most).
    events.nextStartingWith("subscribed");
    assertEquals("ok", call("closed"));
  }

  /**
   * Connects with the broker's service credentials and publishes at QoS 0 with exactly this topic name,
   * which no client library would send.
   */
  private static void publishWithRawTopic(String topic) throws Exception {
    MqttConnectOptions service = broker.serviceConnectOptions();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), broker.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream connect = new ByteArrayOutputStream();
      string(connect, "MQTT");
      connect.write(new byte[] {4, (byte) 0xC2, 0, 30}, 0, 4); // 3.1.1, username, password, clean session, keep-alive 30 s
      string(connect, "raw-" + System.nanoTime());
      string(connect, service.getUserName());
      string(connect, new String(service.getPassword()));
      out.write(packet(0x10, connect.toByteArray()));
      byte[] connack = new byte[4];
      new DataInputStream(in).readFully(connack);
      assertEquals(0, connack[3], "the broker accepted the raw client");
      ByteArrayOutputStream publish = new ByteArrayOutputStream();
      string(publish, topic);
      byte[] payload = "closed".getBytes(StandardCharsets.UTF_8);
      publish.write(payload, 0, payload.length);
      out.write(packet(0x30, publish.toByteArray()));
      out.write(new byte[] {(byte) 0xC0, 0}); // PINGREQ: its answer shows the broker has handled the PUBLISH
      out.flush();
      in.read();
    }
  }

  private static byte[] packet(int type, byte[] body) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.write(type);
    p.write(body.length); // bodies here are shorter than 128 bytes
    p.write(body, 0, body.length);
    return p.toByteArray();
  }

  private static void string(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.write(b.length >> 8);
    out.write(b.length & 0xFF);
    out.write(b, 0, b.length);
  }
}
