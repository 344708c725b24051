package io.rrpc.hub;

import io.rrpc.hub.api.ApiActions;
import io.rrpc.hub.api.ApiCredentials;
import io.rrpc.hub.api.ApiServer;
import io.rrpc.hub.api.RateLimiter;
import io.rrpc.hub.api.Tc3Verifier;
import io.rrpc.hub.devices.DeviceInfoFiles;
import io.rrpc.hub.devices.DeviceSpec;
import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * A local IoT Hub for RRPC: MQTT for devices (the embedded broker, or an existing one) and Tencent Cloud
 * API 3.0 over HTTP for cloud code ({@code PublishRRPCMessage}, {@code DescribeDevice},
 * {@code PublishMessage}), signed with TC3-HMAC-SHA256.
 *
 * <pre>{@code
 * try (LocalHub hub = LocalHub.start(new HubOptions()
 *     .mqtt(new InetSocketAddress("127.0.0.1", 0)).api(new InetSocketAddress("127.0.0.1", 0))
 *     .device(DeviceSpec.parse("ABCDEFGHIJ/airConditioner1")))) {
 *   // devices connect to hub.mqttUri(); cloud code calls http://{hub.apiEndpoint()} with hub.credentials()
 * }
 * }</pre>
 *
 * Thread-safe; {@link #close()} stops everything, failing the calls in flight with {@code InternalError}.
 */
public final class LocalHub implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("io.rrpc.hub");

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<DeviceSpec> devices;
  private final List<GeneratedDevice> generated;
  private final ApiCredentials credentials;
  private final String mqttUri;
  private final boolean onExistingBroker;
  private final ApiServer api;

  private LocalHub(HubOptions options) {
    this.onExistingBroker = options.brokerUri != null;
    try {
      this.credentials = options.credentials != null ? options.credentials : ApiCredentials.generate();
      this.generated = new ArrayList<>();
      this.devices = Collections.unmodifiableList(withSecrets(options, generated));

      HubSimulator simulator;
      DeviceSightings sightings;
      MqttConnectOptions publisherOptions;
      if (options.brokerUri == null) {
        BrokerConsole console = new BrokerConsole(devices);
        EmbeddedBroker broker = own(EmbeddedBroker.builder()
            .bind(options.mqtt.getHostString(), options.mqtt.getPort()).listener(console).start());
        console.attach(broker);
        for (DeviceSpec d : devices) {
          broker.registerDevice(d.productId(), d.deviceName(), d.secretBase64());
        }
        sightings = console;
        publisherOptions = broker.serviceConnectOptions();
        simulator = own(HubSimulator.builder().broker(broker).rrpcTimeout(options.rrpcTimeout)
            .payloadLimit(options.payloadLimit).connect());
        mqttUri = broker.uri();
      } else {
        sightings = DeviceSightings.NONE;
        publisherOptions = new MqttConnectOptions();
        simulator = own(HubSimulator.builder().uri(options.brokerUri).rrpcTimeout(options.rrpcTimeout)
            .payloadLimit(options.payloadLimit).connect());
        mqttUri = options.brokerUri;
      }
      MessagePublisher publisher = own(new MessagePublisher(mqttUri, publisherOptions));
      HubDevices hubDevices =
          new HubDevices(simulator, publisher, sightings, devices, options.brokerUri != null);
      ApiActions actions = new ApiActions(hubDevices, new RateLimiter(options.rrpcRate), options.payloadLimit);
      this.api = own(ApiServer.start(options.api, new Tc3Verifier(credentials), actions, options.maxBodyBytes,
          options.requestTimeout));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts the hub; returns once devices can connect and the API answers.
   *
   * @param options what to serve and where
   * @return the running hub; close it to stop it
   * @throws IllegalStateException when an address cannot be bound or the broker cannot be reached
   * @throws IllegalArgumentException for a device that cannot be registered
   * @throws UncheckedIOException when a generated device_info.json cannot be written
   */
  public static LocalHub start(HubOptions options) {
    return new LocalHub(options);
  }

  /**
   * The MQTT broker's URI, which devices connect to.
   *
   * @return the URI, e.g. {@code tcp://127.0.0.1:1883}
   */
  public String mqttUri() {
    return mqttUri;
  }

  /**
   * Whether the hub runs on an existing broker ({@link HubOptions#broker}) rather than its embedded one.
   *
   * @return true on an existing broker
   */
  public boolean onExistingBroker() {
    return onExistingBroker;
  }

  /**
   * The API's bound address, with the real port when the options asked for port 0.
   *
   * @return the address the API listens on
   */
  public InetSocketAddress apiAddress() {
    return api.address();
  }

  /**
   * The API's endpoint as Tencent's SDKs take it ({@code HttpProfile.setEndpoint}): {@code host:port},
   * with {@code 127.0.0.1} for a hub listening on every address.
   *
   * @return the endpoint, e.g. {@code 127.0.0.1:9000}
   */
  public String apiEndpoint() {
    InetSocketAddress a = api.address();
    String host = a.getAddress() != null && a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString();
    return host + ":" + a.getPort();
  }

  /**
   * The credentials API requests must be signed with.
   *
   * @return the configured credentials, or the ones generated at start
   */
  public ApiCredentials credentials() {
    return credentials;
  }

  /**
   * The devices the hub knows, with their secrets.
   *
   * @return an unmodifiable list, in the order the options gave them
   */
  public List<DeviceSpec> devices() {
    return devices;
  }

  /**
   * The devices whose secret the hub generated at start, and where their device_info.json went.
   *
   * @return an unmodifiable list, empty when every device came with its secret
   */
  public List<GeneratedDevice> generatedDevices() {
    return Collections.unmodifiableList(generated);
  }

  /** Stops the API, the calls in flight, and the broker. Idempotent. */
  @Override
  public void close() {
    List<AutoCloseable> reversed = new ArrayList<>(resources);
    Collections.reverse(reversed);
    resources.clear();
    for (AutoCloseable r : reversed) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "cannot stop " + r, e);
      }
    }
  }

  /** A device whose secret the hub generated (or took from the device_info.json it wrote before). */
  public static final class GeneratedDevice {
    /** The device, with its secret. */
    public final DeviceSpec device;
    /** Its device_info.json. */
    public final Path deviceInfo;
    /** Whether the secret is new (false: read back from {@link #deviceInfo}). */
    public final boolean fresh;

    GeneratedDevice(DeviceSpec device, Path deviceInfo, boolean fresh) {
      this.device = device;
      this.deviceInfo = deviceInfo;
      this.fresh = fresh;
    }
  }

  private <T extends AutoCloseable> T own(T resource) {
    resources.add(resource);
    return resource;
  }

  /**
   * The devices with a secret each: a device given without one keeps the secret of the device_info.json
   * the hub wrote for it before, or gets a fresh one written there.
   */
  private static List<DeviceSpec> withSecrets(HubOptions options, List<GeneratedDevice> generated) {
    List<DeviceSpec> result = new ArrayList<>();
    for (DeviceSpec d : options.devices) {
      if (d.secretBase64() != null) {
        result.add(d);
        continue;
      }
      Path file = DeviceInfoFiles.location(options.deviceInfoOut, d.productId(), d.deviceName());
      DeviceSpec withSecret;
      boolean fresh;
      if (Files.isRegularFile(file)) {
        withSecret = DeviceInfoFiles.read(file).stream().findFirst()
            .orElseThrow(() -> new IllegalArgumentException(file + " is not a KEY device"));
        if (!withSecret.productId().equals(d.productId()) || !withSecret.deviceName().equals(d.deviceName())) {
          throw new IllegalArgumentException(file + " describes " + withSecret + ", not " + d);
        }
        fresh = false;
      } else {
        withSecret = d.withSecret(freshSecret());
        try {
          DeviceInfoFiles.write(options.deviceInfoOut, withSecret);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        fresh = true;
      }
      generated.add(new GeneratedDevice(withSecret, file, fresh));
      result.add(withSecret);
    }
    return result;
  }

  private static String freshSecret() {
    byte[] secret = new byte[16];
    new java.security.SecureRandom().nextBytes(secret);
    return java.util.Base64.getEncoder().encodeToString(secret);
  }
}
