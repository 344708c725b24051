package io.rrpc.hub;

import io.rrpc.hub.devices.DeviceSpec;
import io.rrpc.testkit.DevicePresence;
import io.rrpc.testkit.DevicePresence.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Watches the broker's view of the known devices: logs each login, subscription to the RRPC topic and
 * disconnect, and remembers each device's last login time for {@code DescribeDevice}. Thread-safe.
 */
final class PresenceLog implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("io.rrpc.hub.mqtt");

  private final DevicePresence presence;
  private final List<DeviceSpec> devices;
  private final Map<String, Status> last = new ConcurrentHashMap<>();
  private final Map<String, Long> loginTimes = new ConcurrentHashMap<>();
  private final Runnable listener = this::refresh;

  PresenceLog(DevicePresence presence, List<DeviceSpec> devices) {
    this.presence = presence;
    this.devices = devices;
    presence.addListener(listener);
    refresh();
  }

  /** The device's last login, epoch seconds, or 0. */
  long loginTime(String productId, String deviceName) {
    return loginTimes.getOrDefault(productId + deviceName, 0L);
  }

  /** Whether the broker has the device connected now. */
  boolean online(String productId, String deviceName) {
    Status status = presence.status(productId + deviceName, requestTopic(productId, deviceName));
    return status == Status.ONLINE || status == Status.NOT_SUBSCRIBED;
  }

  private synchronized void refresh() {
    for (DeviceSpec d : devices) {
      String clientId = d.productId() + d.deviceName();
      Status now = presence.status(clientId, requestTopic(d.productId(), d.deviceName()));
      Status before = last.getOrDefault(clientId, Status.OFFLINE);
      if (now == before || now == Status.UNKNOWN) {
        continue;
      }
      last.put(clientId, now);
      if (before == Status.OFFLINE) {
        loginTimes.put(clientId, System.currentTimeMillis() / 1000);
        LOG.info(() -> "login accepted: " + d + " (clientId " + clientId + ")");
      }
      if (now == Status.ONLINE) {
        LOG.info(() -> d + " subscribed to $rrpc/rxd/" + d.productId() + "/" + d.deviceName() + "/+");
      } else if (now == Status.OFFLINE) {
        LOG.info(() -> d + " disconnected");
      }
    }
  }

  private static String requestTopic(String productId, String deviceName) {
    return "$rrpc/rxd/" + productId + "/" + deviceName + "/1";
  }

  @Override
  public void close() {
    presence.removeListener(listener);
  }
}
