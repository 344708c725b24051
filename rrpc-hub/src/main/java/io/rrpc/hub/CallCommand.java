package io.rrpc.hub;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.CommonRequest;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code call}: {@code PublishRRPCMessage} through Tencent's own Java client, on the local hub or on
 * Tencent's endpoint. Prints MessageId, PayloadBase64 and the decoded reply; a Tencent error prints as
 * one line on stderr with exit status 1.
 */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = "Call a device with PublishRRPCMessage through Tencent's CommonClient.",
    footer = {"Credentials: --secret-id/--secret-key, or TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY.",
        "Exit status: 0 with the device's reply, 1 for a Tencent error (one line), 2 for a usage error."})
final class CallCommand implements Callable<Integer> {
  /** The local hub's default endpoint. */
  static final String LOCAL_ENDPOINT = "http://127.0.0.1:9000";

  @Spec CommandSpec spec;

  @Option(names = "--product", required = true, paramLabel = "PRODUCT", description = "The device's ProductId.")
  String product;

  @Option(names = "--device", required = true, paramLabel = "DEVICE", description = "The DeviceName.")
  String device;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "The API endpoint, e.g. http://127.0.0.1:9000 (the local hub; the default unless --region is"
          + " given).")
  String endpoint;

  @Option(names = "--region", paramLabel = "REGION",
      description = "Call Tencent's own endpoint (iotcloud.tencentcloudapi.com) in this region, e.g. ap-guangzhou.")
  String region;

  @Option(names = "--api-version", paramLabel = "VERSION", defaultValue = "2021-04-08",
      description = "2021-04-08 (default) or 2018-06-14.")
  String apiVersion;

  @Option(names = "--secret-id", paramLabel = "ID", description = "Default: $TENCENTCLOUD_SECRET_ID.")
  String secretId;

  @Option(names = "--secret-key", paramLabel = "KEY", description = "Default: $TENCENTCLOUD_SECRET_KEY.")
  String secretKey;

  @Parameters(index = "0", paramLabel = "PAYLOAD", description = "The request, e.g. closed or '{\"method\":\"status\"}'.")
  String payload;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String id = secretId != null ? secretId : System.getenv("TENCENTCLOUD_SECRET_ID");
    String key = secretKey != null ? secretKey : System.getenv("TENCENTCLOUD_SECRET_KEY");
    if (id == null || id.isEmpty() || key == null || key.isEmpty()) {
      err.println("call: no credentials: pass --secret-id and --secret-key, or set TENCENTCLOUD_SECRET_ID and"
          + " TENCENTCLOUD_SECRET_KEY (the local hub prints its own at start)");
      return 2;
    }
    String target = endpoint != null ? endpoint : region != null ? null : LOCAL_ENDPOINT;
    CommonClient client;
    try {
      client = CloudClients.iotcloud(target, region, apiVersion, id, key);
    } catch (IllegalArgumentException e) {
      err.println("call: " + e.getMessage());
      return 2;
    }
    JsonObject request = new JsonObject();
    request.addProperty("ProductId", product);
    request.addProperty("DeviceName", device);
    request.addProperty("Payload", payload);
    String response;
    try {
      response = client.commonRequest(new CommonRequest(request.toString()), "PublishRRPCMessage");
    } catch (TencentCloudSDKException e) {
      String code = e.getErrorCode() == null || e.getErrorCode().isEmpty() ? "ClientError" : e.getErrorCode();
      err.println(code + ": " + oneLine(e.getMessage())
          + (e.getRequestId() == null || e.getRequestId().isEmpty() ? "" : " (RequestId " + e.getRequestId() + ")"));
      return 1;
    }
    JsonObject fields = JsonParser.parseString(response).getAsJsonObject().getAsJsonObject("Response");
    String base64 = fields.get("PayloadBase64").getAsString();
    out.println("MessageId:     " + fields.get("MessageId").getAsLong());
    out.println("PayloadBase64: " + base64);
    out.println("reply:         " + new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
    return 0;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
  }
}
