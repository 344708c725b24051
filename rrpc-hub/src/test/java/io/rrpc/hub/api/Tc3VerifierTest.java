package io.rrpc.hub.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tencentcloudapi.common.Sign;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The verifier against signatures computed with the primitives of Tencent's own Java SDK ({@code Sign}),
 * chained exactly as its {@code AbstractClient} chains them for a custom endpoint. The end-to-end check
 * with the SDK's {@code CommonClient} is in {@code ApiEndToEndTest}.
 */
class Tc3VerifierTest {
  private static final ApiCredentials CREDENTIALS = ApiCredentials.of("AKIDlocalhubtest", "localhub-secret-key");
  private static final long NOW = 1_700_000_000L;
  private static final String HOST = "127.0.0.1:9000";
  private static final String CONTENT_TYPE = "application/json; charset=utf-8";
  private static final byte[] BODY =
      "{\"ProductId\":\"ABCDEFGHIJ\",\"DeviceName\":\"airConditioner1\",\"Payload\":\"closed\"}"
          .getBytes(StandardCharsets.UTF_8);

  private final Tc3Verifier verifier = new Tc3Verifier(CREDENTIALS, () -> NOW);

  @Test
  void acceptsTheSignatureTencentsJavaSdkComputesForACustomEndpoint() throws Exception {
    Map<String, String> headers = sdkSigned(CREDENTIALS.secretKey(), NOW, "127", BODY);
    assertDoesNotThrow(() -> verifier.verify("POST", "", headers::get, BODY));
  }

  @Test
  void computesTheSameSignatureAsTencentsSdkPrimitives() throws Exception {
    String canonical = Tc3Signature.canonicalRequest("POST", CONTENT_TYPE, HOST, Sign.sha256Hex(BODY));
    assertEquals(sdkSignature(CREDENTIALS.secretKey(), NOW, "127", canonical),
        Tc3Signature.sign(CREDENTIALS.secretKey(), "127", NOW, canonical));
  }

  @Test
  void acceptsTheIotcloudServiceThatTheGoAndPythonSdksSignWith() throws Exception {
    Map<String, String> headers = sdkSigned(CREDENTIALS.secretKey(), NOW, "iotcloud", BODY);
    assertDoesNotThrow(() -> verifier.verify("POST", "", headers::get, BODY));
  }

  @Test
  void aWrongSecretKeyIsASignatureFailure() throws Exception {
    Map<String, String> headers = sdkSigned("not-the-key", NOW, "127", BODY);
    ApiException e = assertThrows(ApiException.class, () -> verifier.verify("POST", "", headers::get, BODY));
    assertEquals(ApiErrors.SIGNATURE_FAILURE, e.code());
    assertFalse(e.getMessage().contains(CREDENTIALS.secretKey()), "the message must not quote the key");
  }

  @Test
  void aChangedBodyIsASignatureFailure() throws Exception {
    Map<String, String> headers = sdkSigned(CREDENTIALS.secretKey(), NOW, "127", BODY);
    byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("closed", "opened").getBytes(StandardCharsets.UTF_8);
    ApiException e = assertThrows(ApiException.class, () -> verifier.verify("POST", "", headers::get, tampered));
    assertEquals(ApiErrors.SIGNATURE_FAILURE, e.code());
  }

  @Test
  void anotherServiceNameIsASignatureFailure() throws Exception {
    Map<String, String> headers = sdkSigned(CREDENTIALS.secretKey(), NOW, "cvm", BODY);
    ApiException e = assertThrows(ApiException.class, () -> verifier.verify("POST", "", headers::get, BODY));
    assertEquals(ApiErrors.SIGNATURE_FAILURE, e.code());
  }

  @Test
  void aTimestampMoreThanFiveMinutesOffIsSignatureExpire() throws Exception {
    for (long skew : new long[] {-301, 301}) {
      Map<String, String> headers = sdkSigned(CREDENTIALS.secretKey(), NOW + skew, "127", BODY);
      ApiException e = assertThrows(ApiException.class, () -> verifier.verify("POST", "", headers::get, BODY));
      assertEquals(ApiErrors.SIGNATURE_EXPIRE, e.code());
    }
  }

  @Test
  void aTimestampFiveMinutesOffIsStillAccepted() throws Exception {
    for (long skew : new long[] {-300, 300}) {
      Map<String, String> headers = sdkSigned(CREDENTIALS.secretKey(), NOW + skew, "127", BODY);
      assertDoesNotThrow(() -> verifier.verify("POST", "", headers::get, BODY));
    }
  }

  @Test
  void anUnknownSecretIdIsSecretIdNotFound() throws Exception {
    Map<String, String> headers = sdkSigned(CREDENTIALS.secretKey(), NOW, "127", BODY);
    headers.put("authorization", headers.get("authorization").replace(CREDENTIALS.secretId(), "AKIDsomeoneelse"));
    ApiException e = assertThrows(ApiException.class, () -> verifier.verify("POST", "", headers::get, BODY));
    assertEquals(ApiErrors.SECRET_ID_NOT_FOUND, e.code());
  }

  @Test
  void aMissingOrForeignAuthorizationIsInvalidAuthorization() throws Exception {
    Map<String, String> headers = sdkSigned(CREDENTIALS.secretKey(), NOW, "127", BODY);
    headers.remove("authorization");
    assertEquals(ApiErrors.INVALID_AUTHORIZATION,
        assertThrows(ApiException.class, () -> verifier.verify("POST", "", headers::get, BODY)).code());
    headers.put("authorization", "Basic dXNlcjpwYXNz");
    assertEquals(ApiErrors.INVALID_AUTHORIZATION,
        assertThrows(ApiException.class, () -> verifier.verify("POST", "", headers::get, BODY)).code());
  }

  @Test
  void aMissingTimestampIsMissingParameter() throws Exception {
    Map<String, String> headers = sdkSigned(CREDENTIALS.secretKey(), NOW, "127", BODY);
    headers.remove("x-tc-timestamp");
    assertEquals(ApiErrors.MISSING_PARAMETER,
        assertThrows(ApiException.class, () -> verifier.verify("POST", "", headers::get, BODY)).code());
  }

  @Test
  void anUnsignedPayloadIsAcceptedWhenTheHeaderSaysSo() throws Exception {
    Map<String, String> headers = sdkSigned(CREDENTIALS.secretKey(), NOW, "127",
        "UNSIGNED-PAYLOAD".getBytes(StandardCharsets.US_ASCII));
    headers.put("x-tc-content-sha256", "UNSIGNED-PAYLOAD");
    assertDoesNotThrow(() -> verifier.verify("POST", "", headers::get, BODY));
  }

  @Test
  void moreSignedHeadersThanContentTypeAndHostAreAccepted() throws Exception {
    String canonical = "POST\n/\n\ncontent-type:" + CONTENT_TYPE + "\nhost:" + HOST
        + "\nx-tc-action:publishrrpcmessage\n\ncontent-type;host;x-tc-action\n" + Sign.sha256Hex(BODY);
    String signature = sdkSignature(CREDENTIALS.secretKey(), NOW, "127", canonical);
    Map<String, String> headers = baseHeaders(NOW);
    headers.put("x-tc-action", "PublishRRPCMessage");
    headers.put("authorization", "TC3-HMAC-SHA256 Credential=" + CREDENTIALS.secretId() + "/" + utcDate(NOW)
        + "/127/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=" + signature);
    assertDoesNotThrow(() -> verifier.verify("POST", "", headers::get, BODY));
  }

  /** The headers Tencent's Java SDK sends, signed as its AbstractClient signs them. */
  private static Map<String, String> sdkSigned(String secretKey, long timestamp, String service, byte[] hashedBody)
      throws TencentCloudSDKException {
    String canonical = "POST\n/\n\ncontent-type:" + CONTENT_TYPE + "\nhost:" + HOST + "\n\ncontent-type;host\n"
        + Sign.sha256Hex(hashedBody);
    String signature = sdkSignature(secretKey, timestamp, service, canonical);
    Map<String, String> headers = baseHeaders(timestamp);
    headers.put("authorization", "TC3-HMAC-SHA256 Credential=" + CREDENTIALS.secretId() + "/" + utcDate(timestamp)
        + "/" + service + "/tc3_request, SignedHeaders=content-type;host, Signature=" + signature);
    return headers;
  }

  private static Map<String, String> baseHeaders(long timestamp) {
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", CONTENT_TYPE);
    headers.put("host", HOST);
    headers.put("x-tc-timestamp", Long.toString(timestamp));
    return headers;
  }

  private static String sdkSignature(String secretKey, long timestamp, String service, String canonical)
      throws TencentCloudSDKException {
    String date = utcDate(timestamp);
    String stringToSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + date + "/" + service + "/tc3_request\n"
        + Sign.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    byte[] kDate = Sign.hmac256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    byte[] kService = Sign.hmac256(kDate, service);
    byte[] kSigning = Sign.hmac256(kService, "tc3_request");
    StringBuilder hex = new StringBuilder();
    for (byte b : Sign.hmac256(kSigning, stringToSign)) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  private static String utcDate(long timestamp) {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format.format(new Date(timestamp * 1000));
  }
}
