package io.rrpc.hub;

import io.rrpc.hub.api.ApiCredentials;
import io.rrpc.hub.api.ApiServer;
import io.rrpc.hub.devices.DeviceSpec;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a {@link LocalHub} serves and how; every option has the command line's default. */
public final class HubOptions {
  /** The default MQTT address, 127.0.0.1:1883. */
  public static final InetSocketAddress DEFAULT_MQTT = new InetSocketAddress("127.0.0.1", 1883);
  /** The default API address, 127.0.0.1:9000. */
  public static final InetSocketAddress DEFAULT_API = new InetSocketAddress("127.0.0.1", 9000);

  InetSocketAddress mqtt = DEFAULT_MQTT;
  String brokerUri;
  InetSocketAddress api = DEFAULT_API;
  final List<DeviceSpec> devices = new ArrayList<>();
  Path deviceInfoOut = Paths.get("hub-devices");
  ApiCredentials credentials;
  Duration rrpcTimeout = Duration.ofSeconds(4);
  int rrpcRate = 20;
  int payloadLimit = 16 * 1024;
  int maxBodyBytes = ApiServer.DEFAULT_MAX_BODY_BYTES;
  Duration requestTimeout = ApiServer.DEFAULT_REQUEST_TIMEOUT;

  /**
   * Where the embedded broker listens; port 0 takes a free port.
   *
   * @param address the address to bind ({@link #DEFAULT_MQTT} when not set)
   * @return these options
   * @throws NullPointerException when {@code address} is null
   */
  public HubOptions mqtt(InetSocketAddress address) {
    this.mqtt = Objects.requireNonNull(address, "address");
    return this;
  }

  /**
   * An existing broker ({@code tcp://host:port}) instead of the embedded one; it checks logins itself.
   *
   * @param uri the broker's URI, or null for the embedded broker (the default)
   * @return these options
   */
  public HubOptions broker(String uri) {
    this.brokerUri = uri;
    return this;
  }

  /**
   * Where the Cloud API listens; port 0 takes a free port.
   *
   * @param address the address to bind ({@link #DEFAULT_API} when not set)
   * @return these options
   * @throws NullPointerException when {@code address} is null
   */
  public HubOptions api(InetSocketAddress address) {
    this.api = Objects.requireNonNull(address, "address");
    return this;
  }

  /**
   * Adds a device; without a secret the hub generates one and writes its device_info.json.
   *
   * @param device the device, e.g. {@code DeviceSpec.parse("ABCDEFGHIJ/airConditioner1")}
   * @return these options
   * @throws NullPointerException when {@code device} is null
   */
  public HubOptions device(DeviceSpec device) {
    devices.add(Objects.requireNonNull(device, "device"));
    return this;
  }

  /**
   * Where generated devices' device_info.json files go ({@code hub-devices} by default).
   *
   * @param directory the directory, created when missing
   * @return these options
   * @throws NullPointerException when {@code directory} is null
   */
  public HubOptions deviceInfoOut(Path directory) {
    this.deviceInfoOut = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /**
   * The API's credentials; generated when not set.
   *
   * @param credentials the SecretId and SecretKey requests must be signed with, or null to generate them
   * @return these options
   */
  public HubOptions credentials(ApiCredentials credentials) {
    this.credentials = credentials;
    return this;
  }

  /**
   * How long PublishRRPCMessage waits for the device (4 s, as Tencent's hub).
   *
   * @param timeout the wait, positive
   * @return these options
   * @throws IllegalArgumentException when {@code timeout} is zero or negative
   */
  public HubOptions rrpcTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the RRPC timeout must be positive, was: " + timeout);
    }
    this.rrpcTimeout = timeout;
    return this;
  }

  /**
   * PublishRRPCMessage calls per second before RequestLimitExceeded (20, as Tencent); 0 for no limit.
   *
   * @param perSecond the calls allowed per second, or 0
   * @return these options
   * @throws IllegalArgumentException when {@code perSecond} is negative
   */
  public HubOptions rrpcRate(int perSecond) {
    if (perSecond < 0) {
      throw new IllegalArgumentException("the rate must not be negative, was: " + perSecond);
    }
    this.rrpcRate = perSecond;
    return this;
  }

  /**
   * The largest PublishRRPCMessage payload in bytes (16 KiB).
   *
   * @param bytes the limit on the decoded payload
   * @return these options
   * @throws IllegalArgumentException when {@code bytes} is negative
   */
  public HubOptions payloadLimit(int bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("the payload limit must not be negative, was: " + bytes);
    }
    this.payloadLimit = bytes;
    return this;
  }

  /**
   * The largest API request body in bytes (1 MiB); a larger one gets RequestSizeLimitExceeded.
   *
   * @param bytes the limit, positive
   * @return these options
   * @throws IllegalArgumentException when {@code bytes} is zero or negative
   */
  public HubOptions maxBodyBytes(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("the body limit must be positive, was: " + bytes);
    }
    this.maxBodyBytes = bytes;
    return this;
  }

  /**
   * How long an API request may take to arrive whole (10 s).
   *
   * @param timeout the limit, positive
   * @return these options
   * @throws IllegalArgumentException when {@code timeout} is zero or negative
   */
  public HubOptions requestTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the request timeout must be positive, was: " + timeout);
    }
    this.requestTimeout = timeout;
    return this;
  }
}
