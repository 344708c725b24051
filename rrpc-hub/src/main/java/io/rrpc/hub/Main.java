package io.rrpc.hub;

import io.rrpc.hub.api.ApiCredentials;
import io.rrpc.hub.devices.DeviceInfoFiles;
import io.rrpc.hub.devices.DeviceSpec;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code rrpc-hub} command line: runs a local IoT Hub for RRPC until Ctrl-C; {@code call} calls a
 * device through the Cloud API.
 *
 * <p>Standard output carries what the user acts on (generated credentials and secrets, then one ready
 * line: {@code rrpc-hub ready: mqtt tcp://HOST:PORT api http://HOST:PORT}); the log goes to standard error.
 * Ctrl-C (SIGINT) or SIGTERM stops it cleanly (exit status 130 or 143, as for any process ended by those
 * signals); 1 when the hub cannot start (one line says why), 2 for a usage error.
 */
@Command(
    name = "rrpc-hub",
    mixinStandardHelpOptions = true,
    version = "rrpc-hub 0.1.0",
    subcommands = {CallCommand.class, LoadCommand.class},
    description = "A local IoT Hub for RRPC: MQTT for devices, Tencent Cloud API 3.0 over HTTP for cloud code.",
    footer = {"", "Example: rrpc-hub --device ABCDEFGHIJ/airConditioner1",
        "         rrpc-hub call --secret-id ID --secret-key KEY --product ABCDEFGHIJ --device airConditioner1 closed"})
final class Main implements Callable<Integer> {
  private static final Logger LOG = Logger.getLogger("io.rrpc.hub");

  @Spec CommandSpec spec;

  @Option(names = "--mqtt", paramLabel = "HOST:PORT", converter = HostPort.class, defaultValue = "127.0.0.1:1883",
      description = "Where the embedded MQTT broker listens (default ${DEFAULT-VALUE}; port 0: any free port).")
  InetSocketAddress mqtt;

  @Option(names = "--broker", paramLabel = "URI",
      description = "Use this existing broker (tcp://host:port) instead of the embedded one; it checks logins.")
  String broker;

  @Option(names = "--api", paramLabel = "HOST:PORT", converter = HostPort.class, defaultValue = "127.0.0.1:9000",
      description = "Where the Cloud API listens (default ${DEFAULT-VALUE}).")
  InetSocketAddress api;

  @Option(names = "--device", paramLabel = "PRODUCT/DEVICE[:SECRET]",
      description = "A device (repeatable). Without SECRET one is generated, printed and written as "
          + "DIR/PRODUCT/DEVICE/device_info.json (kept across restarts).")
  List<String> devices = new ArrayList<>();

  @Option(names = "--device-info", paramLabel = "FILE|DIR",
      description = "Tencent's device_info.json, or a directory of them (repeatable; KEY devices).")
  List<Path> deviceInfos = new ArrayList<>();

  @Option(names = "--write-device-info", paramLabel = "DIR", defaultValue = "hub-devices",
      description = "Where generated devices' device_info.json files go (default ${DEFAULT-VALUE}).")
  Path deviceInfoOut;

  @Option(names = "--secret-id", paramLabel = "ID",
      description = "The API's SecretId (default: $TENCENTCLOUD_SECRET_ID, else generated).")
  String secretId;

  @Option(names = "--secret-key", paramLabel = "KEY",
      description = "The API's SecretKey (default: $TENCENTCLOUD_SECRET_KEY, else generated).")
  String secretKey;

  @Option(names = "--rrpc-timeout", paramLabel = "SECONDS", defaultValue = "4",
      description = "How long PublishRRPCMessage waits for the device (default ${DEFAULT-VALUE}).")
  double rrpcTimeoutSeconds;

  @Option(names = "--rate", paramLabel = "N", defaultValue = "20",
      description = "PublishRRPCMessage calls per second before RequestLimitExceeded (default ${DEFAULT-VALUE}, as"
          + " Tencent; 0: no limit).")
  int rate;

  @Option(names = "--payload-limit", paramLabel = "BYTES", defaultValue = "16384",
      description = "The largest PublishRRPCMessage payload (default ${DEFAULT-VALUE}).")
  int payloadLimit;

  private boolean credentialsFromEnvironment;

  /**
   * The command line's entry point: runs it and exits the JVM with its status.
   *
   * @param args the arguments, as {@code --help} lists them
   */
  public static void main(String[] args) {
    ConsoleLogging.install();
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status. */
  static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HubOptions options;
    try {
      options = options(out);
    } catch (IllegalArgumentException e) {
      err.println("rrpc-hub: " + e.getMessage());
      return 2;
    }
    LocalHub hub;
    try {
      hub = LocalHub.start(options);
    } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
      err.println("rrpc-hub: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // Printed, not logged: java.util.logging shuts down in a shutdown hook of its own.
    Thread shutdown = new Thread(() -> {
      out.println("rrpc-hub stopping");
      out.flush();
      hub.close();
      out.println("rrpc-hub stopped");
      out.flush();
      stopped.countDown();
    }, "rrpc-hub-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    printStart(out, hub, options);
    // Runs until Ctrl-C: the shutdown hook closes the hub.
    stopped.await();
    return 0;
  }

  private HubOptions options(PrintWriter out) {
    HubOptions options = new HubOptions().mqtt(mqtt).api(api).deviceInfoOut(deviceInfoOut)
        .rrpcRate(rate).payloadLimit(payloadLimit);
    if (broker != null) {
      if (!broker.startsWith("tcp://")) {
        throw new IllegalArgumentException("--broker must be tcp://host:port, was: " + broker);
      }
      options.broker(broker);
    }
    if (!(rrpcTimeoutSeconds > 0)) {
      throw new IllegalArgumentException("--rrpc-timeout must be positive, was: " + rrpcTimeoutSeconds);
    }
    options.rrpcTimeout(Duration.ofMillis(Math.round(rrpcTimeoutSeconds * 1000)));
    if ((secretId == null) != (secretKey == null)) {
      throw new IllegalArgumentException("--secret-id and --secret-key go together");
    }
    if (secretId != null) {
      options.credentials(ApiCredentials.of(secretId, secretKey));
    } else {
      // As Tencent's tools read them, so that ./hub and ./call agree without copying anything.
      String id = System.getenv("TENCENTCLOUD_SECRET_ID");
      String key = System.getenv("TENCENTCLOUD_SECRET_KEY");
      if (id != null && !id.isEmpty() && key != null && !key.isEmpty()) {
        options.credentials(ApiCredentials.of(id, key));
        credentialsFromEnvironment = true;
      }
    }
    for (String d : devices) {
      options.device(DeviceSpec.parse(d));
    }
    for (Path p : deviceInfos) {
      for (DeviceSpec d : DeviceInfoFiles.read(p)) {
        options.device(d);
      }
    }
    return options;
  }

  private void printStart(PrintWriter out, LocalHub hub, HubOptions options) {
    if (options.credentials == null) {
      out.println("API credentials (generated): --secret-id " + hub.credentials().secretId() + " --secret-key "
          + hub.credentials().secretKey());
    } else if (credentialsFromEnvironment) {
      out.println("API credentials: SecretId " + hub.credentials().secretId()
          + " and its key from TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY");
    }
    for (LocalHub.GeneratedDevice g : hub.generatedDevices()) {
      out.println("device " + g.device + ": secret " + g.device.secretBase64() + " in " + g.deviceInfo
          + (g.fresh ? " (new)" : " (kept)"));
    }
    for (DeviceSpec d : hub.devices()) {
      LOG.info(() -> "device " + d + " registered");
    }
    if (hub.devices().isEmpty() && !hub.onExistingBroker()) {
      LOG.warning("no devices: every call gets ResourceNotFound.DeviceNotExist; add --device PRODUCT/DEVICE");
    }
    String everywhere = (options.mqtt.getAddress() != null && options.mqtt.getAddress().isAnyLocalAddress()
        && !hub.onExistingBroker() ? " (MQTT on every address)" : "")
        + (options.api.getAddress() != null && options.api.getAddress().isAnyLocalAddress()
        ? " (API on every address)" : "");
    out.println("rrpc-hub ready: mqtt " + hub.mqttUri() + " api http://" + hub.apiEndpoint() + everywhere);
    out.flush();
  }
}
