package io.rrpc.hub;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.rrpc.hub.api.ApiCredentials;
import io.rrpc.hub.api.Tc3Signature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Requests the SDKs would never send (expired, malformed, oversized, slow), signed where they need to be
 * with the same TC3 computation the SDK uses, through the JDK's HTTP client or a raw socket.
 */
final class RawApi {
  private final LocalHub hub;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  RawApi(LocalHub hub) {
    this.hub = hub;
  }

  /** A signed POST; returns the {@code Response} object. */
  JsonObject post(String action, String contentType, byte[] body, long timestamp) throws Exception {
    ApiCredentials c = hub.credentials();
    String host = hub.apiEndpoint();
    String service = host.split("\\.")[0];
    String canonical = Tc3Signature.canonicalRequest("POST", contentType, host, Tc3Signature.sha256Hex(body));
    String signature = Tc3Signature.sign(c.secretKey(), service, timestamp, canonical);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + "/"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType)
        .header("X-TC-Action", action)
        .header("X-TC-Version", "2021-04-08")
        .header("X-TC-Timestamp", Long.toString(timestamp))
        .header("Authorization", Tc3Signature.authorization(c.secretId(), service, timestamp, signature))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    return JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("Response");
  }

  JsonObject post(String action, String json) throws Exception {
    return post(action, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8),
        System.currentTimeMillis() / 1000);
  }

  /**
   * Sends {@code head} on a raw connection, then nothing more, and returns everything the hub answers
   * until it closes the connection.
   */
  String sendAndStall(String head) throws IOException {
    try (Socket socket = new Socket(hub.apiAddress().getAddress(), hub.apiAddress().getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        received.write(buffer, 0, n);
      }
      return received.toString(StandardCharsets.UTF_8.name());
    }
  }

  static String code(JsonObject response) {
    return response.has("Error") ? response.getAsJsonObject("Error").get("Code").getAsString() : null;
  }
}
