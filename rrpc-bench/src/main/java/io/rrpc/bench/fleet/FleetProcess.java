package io.rrpc.bench.fleet;

import io.rrpc.bench.process.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A {@link FleetMain} JVM: spawned with the harness's class path on a chosen JDK, driven over stdin. */
final class FleetProcess implements AutoCloseable {
  private final ChildJvm jvm;

  private FleetProcess(ChildJvm jvm) {
    this.jvm = jvm;
  }

  /**
   * Starts {@code <javaHome>/bin/java <jvmOptions> FleetMain <args>}; its stderr (the devices' log)
   * goes to {@code log}.
   */
  static FleetProcess start(String javaHome, List<String> jvmOptions, List<String> args, String secret, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ChildJvm.javaBinary(javaHome));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FleetMain.class.getName());
    command.addAll(args);
    return new FleetProcess(ChildJvm.start("fleet JVM", command,
        Collections.singletonMap("RRPC_BENCH_DEVICE_SECRET", secret), log));
  }

  /** Waits for the {@code started …} line and returns its fields. */
  Map<String, String> awaitStarted(long timeoutMillis) {
    return ChildJvm.fields(jvm.require("started ", timeoutMillis));
  }

  /** Asks for the steady-state figures and returns their fields. */
  Map<String, String> figures() throws IOException {
    return jvm.ask("figures", "figures ", 60_000);
  }

  /** How many devices of the fleet have their connection up right now. */
  int connected() throws IOException {
    return Integer.parseInt(jvm.ask("connected", "connected ", 60_000).get("count"));
  }

  @Override
  public void close() {
    jvm.stop(30);
  }
}
