package io.rrpc.example.aircon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's one-line errors, and its help. */
class MainTest {
  private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZg==";

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpDescribesEveryOption() {
    assertEquals(0, run("--help"));

    String help = out.toString(StandardCharsets.UTF_8);
    assertTrue(help.contains("--demo"), help);
    assertTrue(help.contains("--device-info=FILE"), help);
    assertTrue(help.contains("--broker=URI"), help);
  }

  @Test
  void aMissingDeviceInfoFileIsOneClearLine() {
    Path missing = dir.resolve("device_info.json");

    assertEquals(1, run("--device-info", missing.toString()));

    assertEquals("aircon: device info file not found: " + missing, errorLine());
  }

  @Test
  void aDeviceInfoFileWithoutTheSecretNamesTheFileAndTheField() throws IOException {
    Path file = write("{\"auth_mode\":\"KEY\",\"productId\":\"ABCDEFGHIJ\",\"deviceName\":\"airConditioner1\",\"key_deviceinfo\":{}}");

    assertEquals(1, run("--device-info", file.toString()));

    String line = errorLine();
    assertTrue(line.startsWith("aircon: "), line);
    assertTrue(line.contains(file.toString()), line);
    assertTrue(line.contains("deviceSecret"), line);
  }

  @Test
  void aMalformedDeviceInfoFileNamesTheFile() throws IOException {
    Path file = write("{\"auth_mode\":\"KEY\",");

    assertEquals(1, run("--device-info", file.toString()));

    assertTrue(errorLine().contains(file.toString()), errorLine());
  }

  @Test
  void anUnreachableBrokerIsOneClearLineWithoutTheSecret() throws IOException {
    Path file = write("{\"auth_mode\":\"KEY\",\"productId\":\"ABCDEFGHIJ\",\"deviceName\":\"airConditioner1\","
        + "\"key_deviceinfo\":{\"deviceSecret\":\"" + SECRET + "\"}}");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertEquals(1, run("--device-info", file.toString(), "--broker", "tcp://127.0.0.1:" + closedPort));

    String line = errorLine();
    assertTrue(line.startsWith("aircon: cannot start ABCDEFGHIJ/airConditioner1 on tcp://127.0.0.1:" + closedPort),
        line);
    assertFalse(line.contains(SECRET), line);
  }

  @Test
  void brokerWithoutDeviceInfoIsAUsageError() {
    assertEquals(2, run("--broker", "tcp://127.0.0.1:1883"));

    assertEquals("aircon: --broker needs --device-info (the demo runs its own embedded hub)", errorLine());
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertEquals(2, run("--bogus"));

    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown option: '--bogus'"));
  }

  private int run(String... args) {
    return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  private String errorLine() {
    String text = err.toString(StandardCharsets.UTF_8).trim();
    assertEquals(1, text.lines().count(), "exactly one line: " + text);
    return text;
  }

  private Path write(String json) throws IOException {
    Path file = dir.resolve("device_info.json");
    Files.write(file, json.getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
