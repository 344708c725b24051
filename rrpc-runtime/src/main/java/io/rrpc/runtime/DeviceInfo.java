package io.rrpc.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.codehaus.mojo.animal_sniffer.IgnoreJRERequirement;

/**
 * Who a device is: its product, name, region and credentials, as Tencent's {@code device_info.json}
 * describes them.
 *
 * <pre>{@code
 * DeviceInfo info = DeviceInfo.load(Paths.get("device_info.json"));
 * DeviceInfo same = DeviceInfo.builder()
 *     .productId("KL4J2XXXX8").deviceName("airConditioner1").region(Region.CHINA)
 *     .deviceSecret(System.getenv("DEVICE_SECRET"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the device secret, and neither does
 * any exception this class throws.
 */
public final class DeviceInfo {
  // Longer than any Tencent product id (10) or device name (48), short enough to keep topics sane.
  private static final int MAX_ID_LENGTH = 128;

  private final AuthMode authMode;
  private final String productId;
  private final String deviceName;
  private final Region region;
  private final String deviceSecret;
  private final String certificateFile;
  private final String privateKeyFile;
  private final String caFile;

  private DeviceInfo(Builder b) {
    this.authMode = b.deviceSecret != null ? AuthMode.KEY : AuthMode.CERT;
    this.productId = b.productId;
    this.deviceName = b.deviceName;
    this.region = b.region;
    this.deviceSecret = b.deviceSecret == null ? null : b.deviceSecret.trim();
    this.certificateFile = b.certificateFile;
    this.privateKeyFile = b.privateKeyFile;
    this.caFile = b.caFile;
  }

  /**
   * Reads a {@code device_info.json} file. Relative certificate and key paths in it are resolved
   * against the file's directory. Only the fields the file's {@code auth_mode} needs are required;
   * unknown fields are ignored. Works on every Android level the runtime supports.
   *
   * @param file the file to read
   * @return the device's identity
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when a field is missing or malformed; the message names the file
   *     and the field (never a secret)
   */
  public static DeviceInfo load(File file) throws IOException {
    byte[] bytes;
    try {
      bytes = FileBytes.read(file);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e, e);
    }
    File dir = file.getAbsoluteFile().getParentFile();
    return DeviceInfoParser.parse(new String(bytes, StandardCharsets.UTF_8), file.toString(), dir);
  }

  /**
   * As {@link #load(File)}, for a {@link Path} of the default file system. {@code java.nio.file} exists
   * on Android from API level 26 on: below it, use {@link #load(File)}.
   *
   * @param file the file to read
   * @return the device's identity
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when a field is missing or malformed; the message names the file
   *     and the field (never a secret)
   */
  @IgnoreJRERequirement // Android API 26+, as the parameter type itself: documented above
  public static DeviceInfo load(Path file) throws IOException {
    return load(file.toFile());
  }

  /**
   * Parses the text of a {@code device_info.json}; relative certificate and key paths stay relative
   * (to the working directory).
   *
   * @param json the JSON text of a {@code device_info.json}
   * @param sourceName names the text in error messages, usually its file name
   * @return the identity it holds
   * @throws IllegalArgumentException when a field is missing or malformed; the message names the
   *     source and the field (never a secret)
   */
  public static DeviceInfo parse(String json, String sourceName) {
    return DeviceInfoParser.parse(json, sourceName, null);
  }

  /**
   * A builder for an identity given in code.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return {@link AuthMode#KEY} when the device has a secret, {@link AuthMode#CERT} when it has a certificate}
   */
  public AuthMode authMode() {
    return authMode;
  }

  /** {@return the product id, such as {@code KL4J2XXXX8}} */
  public String productId() {
    return productId;
  }

  /** {@return the device name, such as {@code airConditioner1}} */
  public String deviceName() {
    return deviceName;
  }

  /** {@return the region; {@link Region#CHINA} unless given} */
  public Region region() {
    return region;
  }

  /** {@return the device certificate's PEM file ({@link AuthMode#CERT}), or {@code null}} */
  public String certificateFile() {
    return certificateFile;
  }

  /** {@return the device private key's PEM file ({@link AuthMode#CERT}), or {@code null}} */
  public String privateKeyFile() {
    return privateKeyFile;
  }

  /**
   * A PEM file of the CA certificates that the broker's certificate must chain to, or {@code null} for
   * the default (the pinned Tencent root for Tencent hosts).
   *
   * @return a PEM file of the CA certificates that the broker's certificate must chain to, or
   *     {@code null} for the default (the pinned Tencent root for Tencent hosts)
   */
  public String caFile() {
    return caFile;
  }

  /** The base64 device secret; never exposed outside the runtime. */
  String deviceSecret() {
    return deviceSecret;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("DeviceInfo{productId=").append(productId)
        .append(", deviceName=").append(deviceName)
        .append(", region=").append(region.id())
        .append(", authMode=").append(authMode);
    if (authMode == AuthMode.KEY) {
      s.append(", deviceSecret=<redacted>");
    } else {
      s.append(", certificateFile=").append(certificateFile)
          .append(", privateKeyFile=").append(privateKeyFile);
      if (caFile != null) {
        s.append(", caFile=").append(caFile);
      }
    }
    return s.append('}').toString();
  }

  /**
   * Builds a {@link DeviceInfo} in code. Give either {@link #deviceSecret(String)} or {@link
   * #certificate(String, String)}.
   *
   * <p>Not thread-safe: use it on one thread. The {@link DeviceInfo} it builds is immutable.
   */
  public static final class Builder {
    private String productId;
    private String deviceName;
    private Region region = Region.CHINA;
    private String deviceSecret;
    private String certificateFile;
    private String privateKeyFile;
    private String caFile;

    private Builder() {}

    /**
     * The product id from the Tencent console, such as {@code KL4J2XXXX8}; required.
     *
     * @param productId the product id
     * @return this builder
     */
    public Builder productId(String productId) {
      this.productId = productId;
      return this;
    }

    /**
     * The device name, such as {@code airConditioner1}; required.
     *
     * @param deviceName the device name
     * @return this builder
     */
    public Builder deviceName(String deviceName) {
      this.deviceName = deviceName;
      return this;
    }

    /**
     * Defaults to {@link Region#CHINA}.
     *
     * @param region the region
     * @return this builder
     */
    public Builder region(Region region) {
      this.region = region;
      return this;
    }

    /**
     * The base64 device secret from the Tencent console: {@link AuthMode#KEY}.
     *
     * @param deviceSecret the device secret, base64 as the console shows it
     * @return this builder
     */
    public Builder deviceSecret(String deviceSecret) {
      this.deviceSecret = deviceSecret;
      return this;
    }

    /**
     * The device certificate and private key PEM files: {@link AuthMode#CERT}. The key may be PKCS#8
     * ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}, as Tencent issues it) or
     * SEC1 EC ({@code BEGIN EC PRIVATE KEY}), unencrypted.
     *
     * @param certificateFile the device certificate file (PEM)
     * @param privateKeyFile the device's private key file (PEM)
     * @return this builder
     */
    public Builder certificate(String certificateFile, String privateKeyFile) {
      this.certificateFile = certificateFile;
      this.privateKeyFile = privateKeyFile;
      return this;
    }

    /**
     * CA certificates (PEM) the broker must chain to, instead of the default.
     *
     * @param caFile the CA certificate file (PEM)
     * @return this builder
     */
    public Builder caFile(String caFile) {
      this.caFile = caFile;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first missing or malformed value
     * @return the result
     */
    public DeviceInfo build() {
      String source = "DeviceInfo.builder()";
      checkId(source, "productId", productId);
      checkId(source, "deviceName", deviceName);
      if (region == null) {
        throw invalid(source, "region", "is missing");
      }
      boolean key = deviceSecret != null;
      boolean cert = certificateFile != null || privateKeyFile != null;
      if (key == cert) {
        throw new IllegalArgumentException(
            source + ": give either deviceSecret (KEY mode) or certificate (CERT mode)");
      }
      if (key) {
        checkSecret(source, "deviceSecret", deviceSecret);
      } else {
        checkPresent(source, "certificateFile", certificateFile);
        checkPresent(source, "privateKeyFile", privateKeyFile);
      }
      if (caFile != null) {
        checkPresent(source, "caFile", caFile);
      }
      return new DeviceInfo(this);
    }
  }

  /** Product ids and device names become topic levels and the client id: no wildcards, no separators. */
  static void checkId(String source, String field, String value) {
    checkPresent(source, field, value);
    if (value.length() > MAX_ID_LENGTH) {
      throw invalid(source, field, "is longer than " + MAX_ID_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == '+' || c == '#' || c == '$' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw invalid(source, field, "must not contain '/', '+', '#', '$', whitespace or control characters");
      }
    }
  }

  static void checkSecret(String source, String field, String value) {
    checkPresent(source, field, value);
    byte[] decoded;
    try {
      decoded = Base64Decoding.decode(value.trim());
    } catch (IllegalArgumentException e) {
      // The decoder's message names only a position, but say nothing of the secret at all.
      throw invalid(source, field, "is not valid base64");
    }
    if (decoded.length == 0) {
      throw invalid(source, field, "is empty once base64-decoded");
    }
  }

  static void checkPresent(String source, String field, String value) {
    if (value == null) {
      throw invalid(source, field, "is missing");
    }
    if (value.trim().isEmpty()) {
      throw invalid(source, field, "is empty");
    }
  }

  static IllegalArgumentException invalid(String source, String field, String problem) {
    return new IllegalArgumentException(source + ": \"" + field + "\" " + problem);
  }

  /** Used by the parser, which has already checked every value. */
  static DeviceInfo fromChecked(Builder b) {
    return new DeviceInfo(b);
  }
}
