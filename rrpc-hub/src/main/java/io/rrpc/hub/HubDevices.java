package io.rrpc.hub;

import io.rrpc.hub.api.ApiErrors;
import io.rrpc.hub.api.ApiException;
import io.rrpc.hub.api.DeviceHub;
import io.rrpc.hub.devices.DeviceSpec;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.RrpcResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's view of the MQTT side: the known devices, their presence, RRPC calls through the testkit's
 * {@link HubSimulator} and publishes through the hub's own client.
 *
 * <p>On the embedded broker the devices are those given at start; on an existing broker, when no device
 * was given, any device is taken to exist (that broker decides who logs in). Thread-safe.
 */
final class HubDevices implements DeviceHub {
  private final HubSimulator simulator;
  private final MessagePublisher publisher;
  private final DeviceSightings sightings;
  private final Map<String, Long> createTimes = new ConcurrentHashMap<>();
  private final boolean anyDeviceExists;

  HubDevices(HubSimulator simulator, MessagePublisher publisher, DeviceSightings sightings, Iterable<DeviceSpec> devices,
      boolean anyDeviceExists) {
    this.simulator = simulator;
    this.publisher = publisher;
    this.sightings = sightings;
    this.anyDeviceExists = anyDeviceExists;
    long now = System.currentTimeMillis() / 1000;
    for (DeviceSpec d : devices) {
      createTimes.put(key(d.productId(), d.deviceName()), now);
    }
  }

  @Override
  public CompletableFuture<RrpcResult> publishRrpc(String productId, String deviceName, byte[] payload) {
    if (!exists(productId, deviceName)) {
      CompletableFuture<RrpcResult> failed = new CompletableFuture<>();
      failed.completeExceptionally(notExist(productId, deviceName));
      return failed;
    }
    return simulator.publishRrpcAsync(productId, deviceName, payload);
  }

  @Override
  public DeviceStatus describe(String productId, String deviceName) throws ApiException {
    if (!exists(productId, deviceName)) {
      throw notExist(productId, deviceName);
    }
    return new DeviceStatus(sightings.online(productId, deviceName), sightings.loginTime(productId, deviceName),
        createTimes.getOrDefault(key(productId, deviceName), 0L));
  }

  @Override
  public CompletableFuture<Void> publish(String productId, String deviceName, String topic, byte[] payload, int qos)
      throws ApiException {
    if (!exists(productId, deviceName)) {
      throw notExist(productId, deviceName);
    }
    return publisher.publish(topic, payload, qos);
  }

  private boolean exists(String productId, String deviceName) {
    return createTimes.containsKey(key(productId, deviceName)) || (anyDeviceExists && createTimes.isEmpty());
  }

  private static ApiException notExist(String productId, String deviceName) {
    return new ApiException(ApiErrors.DEVICE_NOT_EXIST, "The device " + productId + "/" + deviceName
        + " does not exist on the local hub; start it with --device or --device-info.");
  }

  private static String key(String productId, String deviceName) {
    return productId + "/" + deviceName;
  }
}
