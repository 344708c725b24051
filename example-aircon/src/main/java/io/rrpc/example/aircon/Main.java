package io.rrpc.example.aircon;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcStartException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The airConditioner1 command line.
 *
 * <pre>
 * aircon                                  # the demo: embedded hub, scripted PublishRRPCMessage calls
 * aircon --device-info device_info.json   # the real device on Tencent IoT Hub, until Ctrl-C
 * aircon --device-info d.json --broker tcp://127.0.0.1:1883
 * </pre>
 *
 * Exit status: 0 on success, 1 when the device cannot run (one line on stderr says why), 2 for a usage
 * error.
 */
@Command(
    name = "aircon",
    mixinStandardHelpOptions = true,
    version = "aircon 0.1.0",
    description = "The airConditioner1 RRPC device from Tencent's documentation, built with rrpc.",
    footer = "Without --device-info it runs the demo on an embedded hub: no account, no network.")
public final class Main implements Callable<Integer> {
  @Option(names = "--demo", description = "Run the scripted demo on an embedded hub (the default).")
  boolean demo;

  @Option(names = "--device-info", paramLabel = "FILE",
      description = "Tencent's device_info.json: run as this device until Ctrl-C.")
  Path deviceInfo;

  @Option(names = "--broker", paramLabel = "URI",
      description = "Connect to this MQTT broker (tcp://host:port or ssl://host:port) instead of the "
          + "Tencent IoT Hub host of the device's region.")
  String broker;

  private final PrintStream out;
  private final PrintStream err;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    // One line per log record, as Tencent's SDK samples print them, unless the user configured logging.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT.%1$tL %4$s %5$s%6$s%n");
    }
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the command line and returns its exit status. */
  static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine commandLine = new CommandLine(new Main(out, err));
    commandLine.setOut(new java.io.PrintWriter(out, true));
    commandLine.setErr(new java.io.PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    if (demo && deviceInfo != null) {
      err.println("aircon: --demo and --device-info cannot be used together");
      return 2;
    }
    if (deviceInfo == null) {
      if (broker != null) {
        err.println("aircon: --broker needs --device-info (the demo runs its own embedded hub)");
        return 2;
      }
      new DemoSession(out).run();
      return 0;
    }
    if (!Files.isRegularFile(deviceInfo)) {
      err.println("aircon: device info file not found: " + deviceInfo);
      return 1;
    }
    DeviceInfo info;
    try {
      info = DeviceInfo.load(deviceInfo);
    } catch (IOException e) {
      err.println("aircon: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      // DeviceInfo's messages name the file and the field at fault, and never a secret.
      err.println("aircon: " + e.getMessage());
      return 1;
    }
    BrokerAddress address = broker == null ? BrokerAddress.tencentHub() : BrokerAddress.of(broker);
    try {
      new DeviceRunner(info, address, out).run();
      return 0;
    } catch (RrpcStartException e) {
      err.println("aircon: cannot start " + info.productId() + "/" + info.deviceName() + " on " + address
          + ": " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("aircon: " + e.getMessage());
      return 1;
    }
  }
}
