package io.rrpc.runtime;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Translates Paho's failures into {@link RrpcStartException} reasons and one-line descriptions for the
 * log. Paho's messages and its causes' (socket and TLS errors) name hosts and reasons, never the
 * password, which Paho holds only as a char array.
 */
final class StartFailures {
  private StartFailures() {}

  static RrpcStartException of(MqttException e, String uri) {
    RrpcStartException.Reason reason;
    String what;
    switch (e.getReasonCode()) {
      case MqttException.REASON_CODE_INVALID_CLIENT_ID:
      case MqttException.REASON_CODE_FAILED_AUTHENTICATION:
      case MqttException.REASON_CODE_NOT_AUTHORIZED:
        reason = RrpcStartException.Reason.BAD_CREDENTIALS;
        what = "the broker refused the device's credentials (CONNACK " + e.getReasonCode() + ")";
        break;
      case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION:
      case MqttException.REASON_CODE_BROKER_UNAVAILABLE:
        reason = RrpcStartException.Reason.CONNECTION_REFUSED;
        what = "the broker refused the connection (CONNACK " + e.getReasonCode() + ")";
        break;
      case MqttException.REASON_CODE_SUBSCRIBE_FAILED:
        reason = RrpcStartException.Reason.SUBSCRIPTION_REFUSED;
        what = "the broker refused the subscription to the request topic";
        break;
      case MqttException.REASON_CODE_CLIENT_TIMEOUT:
        reason = MqttSession.isTls(e) ? RrpcStartException.Reason.TLS_FAILURE : RrpcStartException.Reason.TIMEOUT;
        what = "no answer in time";
        break;
      default:
        if (MqttSession.isTls(e)) {
          reason = RrpcStartException.Reason.TLS_FAILURE;
          what = "TLS handshake failed";
        } else if (uri.startsWith("ssl://") && brokeAfterConnecting(e)) {
          // A broker that refuses the client certificate aborts a TLS 1.2 handshake while the client is
          // still writing: the client sees a broken pipe or a reset, not an SSLException.
          reason = RrpcStartException.Reason.TLS_FAILURE;
          what = "the broker closed the connection during the TLS handshake (as it does when it refuses the"
              + " client certificate)";
        } else if (e.getReasonCode() == MqttException.REASON_CODE_SERVER_CONNECT_ERROR
            || e.getCause() instanceof IOException) {
          reason = RrpcStartException.Reason.UNREACHABLE;
          what = "broker unreachable";
        } else {
          reason = RrpcStartException.Reason.CONNECTION_FAILED;
          what = "connection failed";
        }
    }
    return new RrpcStartException(reason, "cannot start RRPC device on " + uri + ": " + what + ": " + describe(e), e);
  }

  /** Whether the TCP connection was made and then broke, rather than never made. */
  private static boolean brokeAfterConnecting(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof ConnectException || c instanceof NoRouteToHostException
          || c instanceof PortUnreachableException || c instanceof UnknownHostException
          || c instanceof SocketTimeoutException) {
        return false;
      }
      if (c instanceof SocketException || c instanceof EOFException) {
        return true;
      }
    }
    return false;
  }

  /** A one-line description of a failure and its causes, for logs and messages. */
  static String describe(Throwable t) {
    if (t == null) {
      return "unknown cause";
    }
    StringBuilder s = new StringBuilder();
    for (Throwable c = t; c != null && s.length() < 400; c = c.getCause()) {
      if (s.length() > 0) {
        s.append(" <- ");
      }
      s.append(c.getClass().getSimpleName());
      if (c instanceof MqttException) {
        s.append(" ").append(((MqttException) c).getReasonCode());
      }
      String m = c.getMessage();
      if (m != null && !m.isEmpty()) {
        s.append(": ").append(m);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return s.toString();
  }
}
