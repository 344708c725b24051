package io.rrpc.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A throwaway PKI made with the {@code openssl} command at test time in a directory of the test's:
 * CAs, server certificates for a given subjectAltName (e.g. {@code IP:127.0.0.1}), and device
 * certificates with PKCS#1 RSA keys as Tencent issues them, for {@link MosquittoTls} listeners and CERT
 * mode devices. Each file is {@code <name>.pem} (certificate) and {@code <name>.key} (private key).
 *
 * <pre>{@code
 * TestCertificates pki = new TestCertificates(tempDir)
 *     .ca("ca").server("server", "ca", "IP:127.0.0.1").device("device", "ca", "KL4J2XXXX8airConditioner1");
 * MosquittoTls tls = MosquittoTls.serverCertificate(pki.file("server.pem"), pki.file("server.key"))
 *     .clientCa(pki.file("ca.pem")).requireClientCertificate(true);
 * }</pre>
 *
 * Not thread-safe; build it in one place, then read the files from anywhere.
 */
public final class TestCertificates {
  private final Path dir;
  private Consumer<String> onPrivateKey = key -> {};

  /**
   * A PKI whose files go into {@code dir}.
   *
   * @param dir an existing directory, e.g. a JUnit {@code @TempDir}
   */
  public TestCertificates(Path dir) {
    this.dir = dir;
  }

  /**
   * Hands each private key made from now on (PEM text) to {@code listener}, e.g. to check logs never show it.
   *
   * @param listener receives the key text
   * @return this
   */
  public TestCertificates onPrivateKey(Consumer<String> listener) {
    this.onPrivateKey = listener;
    return this;
  }

  /**
   * The directory holding the files.
   *
   * @return the directory given to the constructor
   */
  public Path dir() {
    return dir;
  }

  /**
   * A self-signed CA: {@code <name>.pem} and {@code <name>.key}.
   *
   * @param name the files' base name
   * @return this
   * @throws IOException when openssl fails (its output is in the message)
   * @throws InterruptedException when interrupted while openssl runs
   */
  public TestCertificates ca(String name) throws IOException, InterruptedException {
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=rrpc reliability " + name);
    secret(name + ".key");
    return this;
  }

  /**
   * A server certificate signed by {@code ca} whose subjectAltName is {@code san}.
   *
   * @param name the files' base name
   * @param ca the signing CA's base name
   * @param san e.g. {@code IP:127.0.0.1} or {@code DNS:broker.example.com}
   * @return this
   * @throws IOException when openssl fails (its output is in the message)
   * @throws InterruptedException when interrupted while openssl runs
   */
  public TestCertificates server(String name, String ca, String san) throws IOException, InterruptedException {
    Files.write(dir.resolve(name + ".ext"), ("subjectAltName=" + san + "\n").getBytes(StandardCharsets.UTF_8));
    openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
    sign(name, ca, "-extfile", name + ".ext");
    secret(name + ".key");
    return this;
  }

  /**
   * A device certificate signed by {@code ca}, with an RSA key in PKCS#1 ({@code BEGIN RSA PRIVATE KEY}).
   *
   * @param name the files' base name
   * @param ca the signing CA's base name
   * @param clientId the certificate's CN, {@code {productId}{deviceName}}
   * @return this
   * @throws IOException when openssl fails (its output is in the message)
   * @throws InterruptedException when interrupted while openssl runs
   */
  public TestCertificates device(String name, String ca, String clientId) throws IOException, InterruptedException {
    openssl("genrsa", "-traditional", "-out", name + ".key", "2048");
    openssl("req", "-new", "-key", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + clientId);
    sign(name, ca);
    secret(name + ".key");
    return this;
  }

  /**
   * A file of this PKI.
   *
   * @param name e.g. {@code ca.pem}
   * @return its path
   */
  public Path file(String name) {
    return dir.resolve(name);
  }

  /**
   * {@link #file}'s path as text, as {@code DeviceInfo} takes it.
   *
   * @param name e.g. {@code device.key}
   * @return its path
   */
  public String path(String name) {
    return file(name).toString();
  }

  private void sign(String name, String ca, String... extra) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(Arrays.asList("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem",
        "-CAkey", ca + ".key", "-CAcreateserial", "-out", name + ".pem", "-days", "2"));
    args.addAll(Arrays.asList(extra));
    openssl(args.toArray(new String[0]));
  }

  private void secret(String keyFile) throws IOException {
    onPrivateKey.accept(new String(Files.readAllBytes(dir.resolve(keyFile)), StandardCharsets.US_ASCII));
  }

  private void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] output = readAll(p);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + new String(output, StandardCharsets.UTF_8));
    }
  }

  private static byte[] readAll(Process p) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int n;
    while ((n = p.getInputStream().read(buffer)) >= 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
