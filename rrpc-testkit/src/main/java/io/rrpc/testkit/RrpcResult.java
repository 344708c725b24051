package io.rrpc.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A successful {@code PublishRRPCMessage}: the MessageId the hub chose (also the request's processId)
 * and the device's reply. Immutable.
 */
public final class RrpcResult {
  private final long messageId;
  private final byte[] payload;

  RrpcResult(long messageId, byte[] payload) {
    this.messageId = messageId;
    this.payload = payload.clone();
  }

  /**
   * The MessageId; the request went to {@code $rrpc/rxd/{productId}/{deviceName}/{messageId}}.
   *
   * @return the MessageId
   */
  public long messageId() {
    return messageId;
  }

  /**
   * The reply as Tencent's API returns it: standard base64 with padding.
   *
   * @return the reply, base64
   */
  public String payloadBase64() {
    return Base64.getEncoder().encodeToString(payload);
  }

  /**
   * The reply bytes (a copy).
   *
   * @return a copy of the reply bytes
   */
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * The reply decoded as UTF-8.
   *
   * @return the reply as text
   */
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RrpcResult
        && ((RrpcResult) o).messageId == messageId
        && Arrays.equals(((RrpcResult) o).payload, payload);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(messageId) * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "RrpcResult{messageId=" + messageId + ", payload=" + payload.length + " bytes}";
  }
}
