package io.rrpc.hub.api;

import io.rrpc.testkit.RrpcResult;
import java.util.concurrent.CompletableFuture;

/** What the API's actions ask of the hub's MQTT side. Implementations are thread-safe and never block. */
public interface DeviceHub {

  /**
   * {@code PublishRRPCMessage}: the future completes with the reply or exceptionally with an
   * {@link io.rrpc.testkit.RrpcCallException} carrying Tencent's code.
   */
  CompletableFuture<RrpcResult> publishRrpc(String productId, String deviceName, byte[] payload);

  /**
   * What the hub knows of a device.
   *
   * @throws ApiException {@code ResourceNotFound.DeviceNotExist} for a device the hub does not know
   */
  DeviceStatus describe(String productId, String deviceName) throws ApiException;

  /**
   * Publishes {@code payload} on {@code topic} for a device (Tencent's {@code PublishMessage}).
   *
   * @throws ApiException {@code ResourceNotFound.DeviceNotExist} for a device the hub does not know
   */
  CompletableFuture<Void> publish(String productId, String deviceName, String topic, byte[] payload, int qos)
      throws ApiException;

  /** A device as {@code DescribeDevice} reports it. */
  final class DeviceStatus {
    /** Whether the device is connected now. */
    public final boolean online;
    /** Its last login, epoch seconds, 0 when it never logged in. */
    public final long loginTime;
    /** When the hub learnt of the device, epoch seconds. */
    public final long createTime;

    /** A status. */
    public DeviceStatus(boolean online, long loginTime, long createTime) {
      this.online = online;
      this.loginTime = loginTime;
      this.createTime = createTime;
    }
  }
}
