package io.rrpc.hub.api;

import io.rrpc.testkit.RrpcResult;
import java.util.concurrent.CompletableFuture;

/** What the API's actions ask of the hub's MQTT side. Implementations are thread-safe and never block. */
public interface DeviceHub {

  /**
   * {@code PublishRRPCMessage}: the future completes with the reply or exceptionally with an
   * {@link io.rrpc.testkit.RrpcCallException} carrying Tencent's code.
   *
   * @param productId the device's product
   * @param deviceName the device's name
   * @param payload the request, as the device will receive it
   * @return the device's reply, or a failed future
   */
  CompletableFuture<RrpcResult> publishRrpc(String productId, String deviceName, byte[] payload);

  /**
   * What the hub knows of a device.
   *
   * @param productId the device's product
   * @param deviceName the device's name
   * @return its status now
   * @throws ApiException {@code ResourceNotFound.DeviceNotExist} for a device the hub does not know
   */
  DeviceStatus describe(String productId, String deviceName) throws ApiException;

  /**
   * Publishes {@code payload} on {@code topic} for a device (Tencent's {@code PublishMessage}).
   *
   * @param productId the device's product
   * @param deviceName the device's name
   * @param topic the full topic, which the action has checked belongs to the device
   * @param payload the message
   * @param qos 0 or 1
   * @return completes when the broker has taken the message
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

    /**
     * A status.
     *
     * @param online whether the device is connected now
     * @param loginTime its last login, epoch seconds, 0 when never
     * @param createTime when the hub learnt of it, epoch seconds
     */
    public DeviceStatus(boolean online, long loginTime, long createTime) {
      this.online = online;
      this.loginTime = loginTime;
      this.createTime = createTime;
    }
  }
}
