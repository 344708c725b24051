package io.rrpc.hub.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Checks a request's TC3-HMAC-SHA256 signature against the hub's credentials, the way Tencent's API
 * does, and accepts what Tencent's SDKs send for a custom endpoint:
 *
 * <ul>
 *   <li>the canonical request is {@code METHOD\n/\nquery\nheaders\nsignedHeaders\nhex(sha256(body))}, with
 *       each signed header as {@code name:value} in lower case and trimmed ({@code UNSIGNED-PAYLOAD}
 *       hashes that word instead of the body, when {@code X-TC-Content-SHA256} says so);
 *   <li>the signed headers must include {@code content-type} and {@code host} and may include more;
 *   <li>the service in the credential scope is the first dot label of the {@code Host} header (Tencent's
 *       Java SDK: {@code 127} for {@code 127.0.0.1:9000}) or {@code iotcloud} (the Go and Python SDKs,
 *       which keep the product's name whatever the endpoint);
 *   <li>the scope's date is the UTC date of {@code X-TC-Timestamp}, which may be at most 5 minutes away
 *       from the hub's clock.
 * </ul>
 *
 * Error messages say what the hub checked and never contain the SecretKey or the expected signature.
 * Thread-safe.
 */
public final class Tc3Verifier {
  /** How far {@code X-TC-Timestamp} may be from the hub's clock, as on Tencent's API. */
  static final long MAX_SKEW_SECONDS = 300;
  /** The service name Tencent's real endpoint has, {@code iotcloud.tencentcloudapi.com}. */
  static final String IOTCLOUD = "iotcloud";

  private final ApiCredentials credentials;
  private final LongSupplier nowSeconds;

  /**
   * A verifier on the system clock.
   *
   * @param credentials the credentials requests must be signed with
   */
  public Tc3Verifier(ApiCredentials credentials) {
    this(credentials, () -> System.currentTimeMillis() / 1000);
  }

  /**
   * A verifier on a given clock, for tests.
   *
   * @param credentials the credentials requests must be signed with
   * @param nowSeconds the clock, epoch seconds
   */
  Tc3Verifier(ApiCredentials credentials, LongSupplier nowSeconds) {
    this.credentials = credentials;
    this.nowSeconds = nowSeconds;
  }

  /**
   * Verifies one request.
   *
   * @param method the HTTP method, e.g. {@code POST}
   * @param rawQuery the query string as sent (without {@code ?}), or empty
   * @param headers a request header by its lower-case name, or {@code null} when absent
   * @param body the request body as received
   * @throws ApiException {@code AuthFailure.*} or {@code MissingParameter} when the request is not
   *     signed by the hub's credentials
   */
  public void verify(String method, String rawQuery, Function<String, String> headers, byte[] body)
      throws ApiException {
    String authorization = headers.apply("authorization");
    if (authorization == null || authorization.trim().isEmpty()) {
      throw new ApiException(ApiErrors.INVALID_AUTHORIZATION,
          "The Authorization header is missing; sign requests with TC3-HMAC-SHA256.");
    }
    Authorization auth = Authorization.parse(authorization.trim());
    String timestampText = headers.apply("x-tc-timestamp");
    if (timestampText == null) {
      throw new ApiException(ApiErrors.MISSING_PARAMETER, "The request is missing a required parameter `Timestamp`.");
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampText.trim());
    } catch (NumberFormatException e) {
      throw new ApiException(ApiErrors.INVALID_PARAMETER,
          "The parameter `Timestamp` (X-TC-Timestamp) must be epoch seconds, was: " + timestampText);
    }
    long now = nowSeconds.getAsLong();
    if (Math.abs(now - timestamp) > MAX_SKEW_SECONDS) {
      throw new ApiException(ApiErrors.SIGNATURE_EXPIRE, "Signature expired. Timestamp " + timestamp
          + " and the hub's time " + now + " differ by more than 5 minutes; check the local clock.");
    }
    if (!auth.secretId.equals(credentials.secretId())) {
      throw new ApiException(ApiErrors.SECRET_ID_NOT_FOUND,
          "The SecretId " + auth.secretId + " is not the local hub's; use the one it printed at start.");
    }
    if (!auth.date.equals(Tc3Signature.date(timestamp))) {
      throw new ApiException(ApiErrors.SIGNATURE_FAILURE, "The date " + auth.date
          + " in the Credential is not the UTC date of X-TC-Timestamp " + timestamp + ".");
    }
    String host = headers.apply("host");
    String hostLabel = host == null ? "" : host.trim().toLowerCase(Locale.ROOT).split("\\.", -1)[0];
    if (!auth.service.equals(hostLabel) && !auth.service.equals(IOTCLOUD)) {
      throw new ApiException(ApiErrors.SIGNATURE_FAILURE, "The service " + auth.service
          + " in the Credential is neither `" + hostLabel + "` (the first dot label of Host " + host
          + ", what Tencent's Java SDK signs with) nor `" + IOTCLOUD + "`.");
    }
    if (!auth.signedHeaders.contains("content-type") || !auth.signedHeaders.contains("host")) {
      throw new ApiException(ApiErrors.SIGNATURE_FAILURE,
          "SignedHeaders must include content-type and host, was: " + String.join(";", auth.signedHeaders));
    }
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : auth.signedHeaders) {
      String value = headers.apply(name);
      if (value == null) {
        throw new ApiException(ApiErrors.SIGNATURE_FAILURE, "The signed header " + name + " is not in the request.");
      }
      canonicalHeaders.append(name).append(':').append(value.trim().toLowerCase(Locale.ROOT)).append('\n');
    }
    String contentSha256 = headers.apply("x-tc-content-sha256");
    byte[] hashed = contentSha256 != null && contentSha256.trim().equals("UNSIGNED-PAYLOAD")
        ? "UNSIGNED-PAYLOAD".getBytes(StandardCharsets.US_ASCII) : body;
    String canonicalRequest = method + "\n/\n" + (rawQuery == null ? "" : rawQuery) + "\n" + canonicalHeaders + "\n"
        + String.join(";", auth.signedHeaders) + "\n" + Tc3Signature.sha256Hex(hashed);
    String expected = Tc3Signature.sign(credentials.secretKey(), auth.service, timestamp, canonicalRequest);
    // Constant-time, so that the check cannot be used to guess a signature byte by byte.
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        auth.signature.getBytes(StandardCharsets.US_ASCII))) {
      throw new ApiException(ApiErrors.SIGNATURE_FAILURE,
          "The provided credentials could not be validated. Please check your signature is correct. (The local hub"
              + " signed host " + host + ", service " + auth.service + " and the body's "
              + (hashed == body ? "SHA-256" : "UNSIGNED-PAYLOAD") + " with its SecretKey.)");
    }
  }

  /** The parts of {@code TC3-HMAC-SHA256 Credential=id/date/service/tc3_request, SignedHeaders=a;b, Signature=hex}. */
  private static final class Authorization {
    final String secretId;
    final String date;
    final String service;
    final java.util.List<String> signedHeaders;
    final String signature;

    private Authorization(String secretId, String date, String service, java.util.List<String> signedHeaders,
        String signature) {
      this.secretId = secretId;
      this.date = date;
      this.service = service;
      this.signedHeaders = signedHeaders;
      this.signature = signature;
    }

    static Authorization parse(String header) throws ApiException {
      if (!header.startsWith(Tc3Signature.ALGORITHM + " ")) {
        throw invalid("it must start with " + Tc3Signature.ALGORITHM);
      }
      String credential = null;
      String signedHeaders = null;
      String signature = null;
      for (String part : header.substring(Tc3Signature.ALGORITHM.length() + 1).split(",")) {
        String p = part.trim();
        int eq = p.indexOf('=');
        String key = eq < 0 ? p : p.substring(0, eq);
        String value = eq < 0 ? "" : p.substring(eq + 1);
        switch (key) {
          case "Credential":
            credential = value;
            break;
          case "SignedHeaders":
            signedHeaders = value;
            break;
          case "Signature":
            signature = value;
            break;
          default:
            throw invalid("unknown part " + key);
        }
      }
      if (credential == null || signedHeaders == null || signature == null) {
        throw invalid("it needs Credential, SignedHeaders and Signature");
      }
      String[] scope = credential.split("/", -1);
      if (scope.length != 4 || scope[0].isEmpty() || !scope[3].equals(Tc3Signature.TERMINATOR)) {
        throw invalid("Credential must be {SecretId}/{date}/{service}/tc3_request");
      }
      java.util.List<String> names = Arrays.asList(signedHeaders.toLowerCase(Locale.ROOT).split(";", -1));
      return new Authorization(scope[0], scope[1], scope[2], names, signature.toLowerCase(Locale.ROOT));
    }

    private static ApiException invalid(String why) {
      return new ApiException(ApiErrors.INVALID_AUTHORIZATION,
          "The Authorization header does not follow TC3-HMAC-SHA256: " + why + ".");
    }
  }
}
