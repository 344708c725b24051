package io.rrpc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.SocketException;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/**
 * How a failed start is classified. A TLS 1.2 broker that refuses the client certificate aborts the
 * handshake while the client is still writing, so Paho reports a broken pipe: found by rrpc-reliability
 * against Mosquitto with {@code require_certificate true} and {@code tls_version tlsv1.2}.
 */
class StartFailuresTest {

  @Test
  void aConnectionBrokenDuringTheTlsHandshakeIsATlsFailure() {
    MqttException e = new MqttException(new SocketException("Broken pipe"));

    RrpcStartException failure = StartFailures.of(e, "ssl://127.0.0.1:8883");

    assertEquals(RrpcStartException.Reason.TLS_FAILURE, failure.reason(), failure.getMessage());
  }

  @Test
  void aRefusedTcpConnectionIsUnreachableWithOrWithoutTls() {
    MqttException e = new MqttException(MqttException.REASON_CODE_SERVER_CONNECT_ERROR,
        new ConnectException("Connection refused"));

    assertEquals(RrpcStartException.Reason.UNREACHABLE, StartFailures.of(e, "ssl://127.0.0.1:8883").reason());
    assertEquals(RrpcStartException.Reason.UNREACHABLE, StartFailures.of(e, "tcp://127.0.0.1:1883").reason());
  }

  @Test
  void aBrokenPlainConnectionIsStillUnreachable() {
    MqttException e = new MqttException(new SocketException("Connection reset"));

    assertEquals(RrpcStartException.Reason.UNREACHABLE, StartFailures.of(e, "tcp://127.0.0.1:1883").reason());
  }
}
