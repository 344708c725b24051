package io.rrpc.runtime;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import io.rrpc.runtime.internal.SharedGson;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;

/**
 * Reads Tencent's {@code device_info.json} into a {@link DeviceInfo}. Every error names the source and
 * the field by its JSON path, and never quotes a value (the secret is one of them).
 */
final class DeviceInfoParser {
  private static final String KEY_INFO = "key_deviceinfo";
  private static final String CERT_INFO = "cert_deviceinfo";

  private DeviceInfoParser() {}

  /** @param baseDir resolves relative certificate paths, or {@code null} to keep them as they are */
  static DeviceInfo parse(String json, String source, File baseDir) {
    JsonObject root = readObject(json, source);
    String mode = string(root, null, "auth_mode", source);
    if (mode == null) {
      throw DeviceInfo.invalid(source, "auth_mode", "is missing");
    }
    DeviceInfo.Builder b = DeviceInfo.builder();
    String productId = string(root, null, "productId", source);
    DeviceInfo.checkId(source, "productId", productId);
    String deviceName = string(root, null, "deviceName", source);
    DeviceInfo.checkId(source, "deviceName", deviceName);
    b.productId(productId).deviceName(deviceName);

    String regionId = string(root, null, "region", source);
    if (regionId != null) {
      Region region = Region.fromId(regionId);
      if (region == null) {
        throw DeviceInfo.invalid(source, "region", "must be one of " + regionIds());
      }
      b.region(region);
    }

    if (mode.equals("KEY")) {
      JsonObject keyInfo = object(root, KEY_INFO, source);
      String secret = string(keyInfo, KEY_INFO, "deviceSecret", source);
      DeviceInfo.checkSecret(source, KEY_INFO + ".deviceSecret", secret);
      b.deviceSecret(secret);
    } else if (mode.equals("CERT")) {
      JsonObject certInfo = object(root, CERT_INFO, source);
      String cert = string(certInfo, CERT_INFO, "devCertFile", source);
      DeviceInfo.checkPresent(source, CERT_INFO + ".devCertFile", cert);
      String key = string(certInfo, CERT_INFO, "devPrivateKeyFile", source);
      DeviceInfo.checkPresent(source, CERT_INFO + ".devPrivateKeyFile", key);
      b.certificate(resolve(baseDir, cert), resolve(baseDir, key));
      String ca = string(certInfo, CERT_INFO, "devCaFile", source);
      if (ca != null && !ca.trim().isEmpty()) {
        b.caFile(resolve(baseDir, ca));
      }
    } else {
      throw DeviceInfo.invalid(source, "auth_mode", "must be \"KEY\" or \"CERT\"");
    }
    return DeviceInfo.fromChecked(b);
  }

  private static JsonObject readObject(String json, String source) {
    try {
      JsonReader reader = new JsonReader(new StringReader(json));
      reader.setStrictness(Strictness.STRICT);
      JsonElement tree = SharedGson.tree().read(reader);
      if (!tree.isJsonObject()) {
        throw new IllegalArgumentException(source + ": not a JSON object");
      }
      return tree.getAsJsonObject();
    } catch (IOException | IllegalStateException | com.google.gson.JsonParseException e) {
      // Gson's message ends with the position ("at line 3 column 20 path $.key_deviceinfo"); the text
      // before it can quote a token of the file, which may be the secret.
      throw new IllegalArgumentException(source + ": not valid JSON" + position(e.getMessage()));
    }
  }

  private static String position(String message) {
    int at = message == null ? -1 : message.indexOf(" at line ");
    if (at < 0) {
      return "";
    }
    int end = message.indexOf('\n', at);
    return end < 0 ? message.substring(at) : message.substring(at, end);
  }

  private static JsonObject object(JsonObject parent, String name, String source) {
    JsonElement e = parent.get(name);
    if (e == null || e.isJsonNull()) {
      throw DeviceInfo.invalid(source, name, "is missing");
    }
    if (!e.isJsonObject()) {
      throw DeviceInfo.invalid(source, name, "must be an object");
    }
    return e.getAsJsonObject();
  }

  /** The member as a string, {@code null} when absent or JSON null; any other type is an error. */
  private static String string(JsonObject parent, String parentName, String name, String source) {
    JsonElement e = parent.get(name);
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw DeviceInfo.invalid(source, parentName == null ? name : parentName + "." + name, "must be a string");
    }
    return e.getAsString();
  }

  private static String resolve(File baseDir, String file) {
    return baseDir == null || new File(file).isAbsolute() ? file : new File(baseDir, file).getPath();
  }

  private static String regionIds() {
    StringBuilder s = new StringBuilder();
    for (Region r : Region.values()) {
      s.append(s.length() == 0 ? "" : ", ").append('"').append(r.id()).append('"');
    }
    return s.toString();
  }
}
