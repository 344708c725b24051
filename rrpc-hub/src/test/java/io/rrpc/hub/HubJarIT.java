package io.rrpc.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.runtime.DeviceInfo;
import io.rrpc.runtime.RrpcDevice;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built, self-contained {@code rrpc-hub.jar} as a separate process, driven through its own
 * {@code call} command (another process), with a runtime device in this JVM; then stopped with SIGINT,
 * as Ctrl-C does. Runs after {@code package} (failsafe).
 */
class HubJarIT {
  private static final Pattern READY = Pattern.compile("rrpc-hub ready: mqtt (tcp://\\S+) api (http://\\S+)");
  private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZg==";
  private static final String SECRET_ID = "AKIDjarintegrationtest";
  private static final String SECRET_KEY = "jar-integration-test-key";

  @TempDir Path dir;

  @Test
  @SuppressWarnings("try") // the devices only need to be running
  void theJarServesDevicesAndCallsAndStopsCleanlyOnCtrlC() throws Exception {
    Path jar = Paths.get(System.getProperty("rrpc.hub.jar", "target/rrpc-hub.jar"));
    assertTrue(Files.isRegularFile(jar), "build the jar first (mvn package): " + jar);
    // The hub takes its API credentials from the environment, as Tencent's tools read them.
    Process hub = java(jar, Map.of("TENCENTCLOUD_SECRET_ID", SECRET_ID, "TENCENTCLOUD_SECRET_KEY", SECRET_KEY),
        "--mqtt", "127.0.0.1:0", "--api", "127.0.0.1:0",
        "--device", "ABCDEFGHIJ/airConditioner1:" + SECRET, "--device", "ABCDEFGHIJ/generated1",
        "--write-device-info", dir.toString(), "--rrpc-timeout", "30");
    CompletableFuture<String> hubErr = drain(hub.getErrorStream());
    List<String> startLines = new ArrayList<>();
    try {
      Matcher ready;
      try {
        ready = awaitReady(hub.getInputStream(), startLines);
      } catch (java.util.concurrent.ExecutionException e) {
        hub.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("the hub did not start: " + e.getCause().getMessage() + "\nstderr:\n"
            + hubErr.get(10, TimeUnit.SECONDS), e);
      }
      String mqtt = ready.group(1);
      String endpoint = ready.group(2);
      assertTrue(startLines.stream().anyMatch(l -> l.startsWith("device ABCDEFGHIJ/generated1: secret ")), startLines.toString());
      assertTrue(startLines.stream().noneMatch(l -> l.contains(SECRET_KEY)), "a given SecretKey is never printed");
      DeviceInfo generated = DeviceInfo.load(dir.resolve("ABCDEFGHIJ/generated1/device_info.json"));

      try (RrpcDevice given = device(DeviceInfo.builder().productId("ABCDEFGHIJ").deviceName("airConditioner1")
              .deviceSecret(SECRET).build(), mqtt);
          RrpcDevice fromFile = device(generated, mqtt)) {
        Result ok = run(jar, Map.of(), "call", "--endpoint", endpoint, "--secret-id", SECRET_ID, "--secret-key",
            SECRET_KEY, "--product", "ABCDEFGHIJ", "--device", "airConditioner1", "closed");
        assertEquals(0, ok.exit, ok.toString());
        assertTrue(ok.out.contains("reply:         ok"), ok.out);
        assertTrue(ok.out.contains("PayloadBase64: b2s="), ok.out);

        // Credentials from the environment, as Tencent's tools read them; the device from its written file.
        Result echo = run(jar, Map.of("TENCENTCLOUD_SECRET_ID", SECRET_ID, "TENCENTCLOUD_SECRET_KEY", SECRET_KEY),
            "call", "--endpoint", endpoint, "--product", "ABCDEFGHIJ", "--device", "generated1", "echo hello");
        assertEquals(0, echo.exit, echo.toString());
        assertTrue(echo.out.contains("reply:         hello"), echo.out);

        Result missing = run(jar, Map.of(), "call", "--endpoint", endpoint, "--secret-id", SECRET_ID, "--secret-key",
            SECRET_KEY, "--product", "ABCDEFGHIJ", "--device", "nobody", "closed");
        assertEquals(1, missing.exit, missing.toString());
        assertTrue(missing.err.startsWith("ResourceNotFound.DeviceNotExist: "), missing.err);
        assertEquals(1, missing.err.trim().split("\n").length, "a Tencent error is one line: " + missing.err);

        // A device with the wrong secret is refused (CONNACK 4), and the console says why.
        org.junit.jupiter.api.Assertions.assertThrows(org.eclipse.paho.client.mqttv3.MqttSecurityException.class,
            () -> new KeyLoginClient(mqtt, "ABCDEFGHIJ", "airConditioner1", "d3Jvbmctc2VjcmV0").close());

        Result wrongKey = run(jar, Map.of(), "call", "--endpoint", endpoint, "--secret-id", SECRET_ID, "--secret-key",
            "wrong", "--product", "ABCDEFGHIJ", "--device", "airConditioner1", "closed");
        assertEquals(1, wrongKey.exit, wrongKey.toString());
        assertTrue(wrongKey.err.startsWith("AuthFailure.SignatureFailure: "), wrongKey.err);
      }

      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(hub.pid())).inheritIO().start();
      assertEquals(0, kill.waitFor());
      assertTrue(hub.waitFor(30, TimeUnit.SECONDS), "the hub stops on SIGINT");
      String log = hubErr.get(10, TimeUnit.SECONDS);
      assertEquals(130, hub.exitValue(), log);
      assertFalse(log.contains("\tat ") || log.contains("Exception"), "no stack trace on Ctrl-C:\n" + log);
      assertFalse(log.contains(SECRET_KEY) || log.contains(SECRET), "no secret in the log:\n" + log);
      assertTrue(log.contains("RRPC ABCDEFGHIJ/airConditioner1"), "the console shows each call:\n" + log);
      assertTrue(log.contains("login accepted: ABCDEFGHIJ/airConditioner1"), "and each login:\n" + log);
      assertTrue(log.contains("login refused: ABCDEFGHIJ/airConditioner1: password signature does not match"),
          "and each refused login with its reason:\n" + log);
    } finally {
      hub.destroyForcibly();
    }
  }

  private static RrpcDevice device(DeviceInfo info, String mqtt) {
    RrpcDevice device = RrpcDevice.builder().deviceInfo(info).brokerUri(mqtt)
        .dispatcher(new AirconCommands_RrpcDispatcher(new AirconCommands(1))).build();
    device.start();
    return device;
  }

  private static Matcher awaitReady(InputStream stdout, List<String> lines) throws Exception {
    BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
    CompletableFuture<Matcher> ready = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line; (line = reader.readLine()) != null; ) {
          lines.add(line);
          Matcher m = READY.matcher(line);
          if (m.find()) {
            return m;
          }
        }
        throw new IllegalStateException("the hub ended without its ready line: " + lines);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    return ready.get(60, TimeUnit.SECONDS);
  }

  private static Process java(Path jar, Map<String, String> env, String... args) throws IOException {
    // Ctrl-C reaches a terminal's foreground job, whose SIGINT is never ignored. A build started in the
    // background of a non-interactive shell (nohup, `cmd &` in a script) ignores SIGINT, its children
    // inherit that, and a JVM leaves an ignored SIGINT ignored: coreutils' env execs the hub with SIGINT
    // back at its default, as a terminal would have it, whoever started this build.
    List<String> command = new ArrayList<>(Arrays.asList("env", "--default-signal=INT",
        javaBinary(), "-jar", jar.toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    return builder.start();
  }

  private static Result run(Path jar, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(Arrays.asList(javaBinary(), "-jar", jar.toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("TENCENTCLOUD_SECRET_ID");
    builder.environment().remove("TENCENTCLOUD_SECRET_KEY");
    builder.environment().putAll(env);
    Process p = builder.start();
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "call ends");
    return new Result(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(unreadable: " + e + ")";
      }
    });
  }

  private static String javaBinary() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static final class Result {
    final int exit;
    final String out;
    final String err;

    Result(int exit, String out, String err) {
      this.exit = exit;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }
}
