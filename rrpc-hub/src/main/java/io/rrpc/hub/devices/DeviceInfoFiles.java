package io.rrpc.hub.devices;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tencent's {@code device_info.json} files, read for the devices they name and written for devices whose
 * secret the hub generated. Only KEY devices can log in to the local hub (it serves plain MQTT); a CERT
 * file is skipped with a warning. Errors name the file and the field, never a secret.
 */
public final class DeviceInfoFiles {
  private static final Logger LOG = Logger.getLogger("io.rrpc.hub");

  private DeviceInfoFiles() {}

  /**
   * The KEY devices of a file, or of every {@code *.json} file under a directory (recursively, in name
   * order).
   *
   * @param fileOrDirectory a {@code device_info.json} file, or a directory holding such files
   * @return the devices, with their secrets
   * @throws IllegalArgumentException when a file is unreadable, not JSON, or lacks a field
   */
  public static List<DeviceSpec> read(Path fileOrDirectory) {
    if (!Files.exists(fileOrDirectory)) {
      throw new IllegalArgumentException("--device-info: no such file or directory: " + fileOrDirectory);
    }
    List<Path> files;
    if (Files.isDirectory(fileOrDirectory)) {
      try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
        files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))
            .sorted().collect(Collectors.toList());
      } catch (IOException | UncheckedIOException e) {
        throw new IllegalArgumentException("--device-info: cannot list " + fileOrDirectory + ": " + e.getMessage());
      }
    } else {
      files = java.util.Collections.singletonList(fileOrDirectory);
    }
    List<DeviceSpec> devices = new ArrayList<>();
    for (Path file : files) {
      DeviceSpec device = readOne(file);
      if (device != null) {
        devices.add(device);
      }
    }
    return devices;
  }

  /** The device of one file; {@code null} (with a warning) for a CERT device. */
  static DeviceSpec readOne(Path file) {
    JsonObject json;
    try {
      JsonElement parsed = JsonParser.parseString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      if (!parsed.isJsonObject()) {
        throw new IllegalArgumentException(file + ": a device_info.json must be a JSON object");
      }
      json = parsed.getAsJsonObject();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage());
    }
    String productId = string(json, "productId", file);
    String deviceName = string(json, "deviceName", file);
    String authMode = json.has("auth_mode") ? string(json, "auth_mode", file) : "KEY";
    if (authMode.equals("CERT")) {
      LOG.warning(() -> file + ": " + productId + "/" + deviceName + " is a CERT device; the local hub serves plain"
          + " MQTT and checks KEY logins only, so it is skipped");
      return null;
    }
    if (!authMode.equals("KEY")) {
      throw new IllegalArgumentException(file + ": auth_mode must be KEY or CERT, was: " + authMode);
    }
    JsonElement key = json.get("key_deviceinfo");
    if (key == null || !key.isJsonObject()) {
      throw new IllegalArgumentException(file + ": missing object key_deviceinfo (auth_mode KEY)");
    }
    String secret = string(key.getAsJsonObject(), "deviceSecret", file);
    try {
      return new DeviceSpec(productId, deviceName, secret.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  /**
   * Writes a KEY {@code device_info.json} for a device as {@code DIR/{productId}/{deviceName}/device_info.json}
   * and returns its path. The file is readable by its owner only where the file system allows.
   *
   * @param directory the root directory, created when missing
   * @param device the device, with its secret
   * @return the file written
   * @throws IOException when the directory or the file cannot be written
   */
  public static Path write(Path directory, DeviceSpec device) throws IOException {
    Path dir = directory.resolve(device.productId()).resolve(device.deviceName());
    Files.createDirectories(dir);
    Path file = dir.resolve("device_info.json");
    JsonObject key = new JsonObject();
    key.addProperty("deviceSecret", device.secretBase64());
    JsonObject json = new JsonObject();
    json.addProperty("auth_mode", "KEY");
    json.addProperty("productId", device.productId());
    json.addProperty("deviceName", device.deviceName());
    json.addProperty("region", "china");
    json.add("key_deviceinfo", key);
    Files.write(file, (json + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's own protection applies
    }
    return file;
  }

  /**
   * Where {@link #write} puts a device's file.
   *
   * @param directory the root directory
   * @param productId the device's product
   * @param deviceName the device's name
   * @return the file's path, which may not exist
   */
  public static Path location(Path directory, String productId, String deviceName) {
    return directory.resolve(productId).resolve(deviceName).resolve("device_info.json");
  }

  private static String string(JsonObject json, String field, Path file) {
    JsonElement e = json.get(field);
    if (e == null || e.isJsonNull()) {
      throw new IllegalArgumentException(file + ": missing field " + field);
    }
    if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isString()) {
      throw new IllegalArgumentException(file + ": field " + field + " must be a string");
    }
    return e.getAsString();
  }
}
