package io.rrpc.hub;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;

/**
 * Tencent's own {@code CommonClient} for IoT Hub ({@code iotcloud}), pointed at the local hub or at
 * Tencent's endpoint, the way a user's cloud code would configure it.
 */
final class CloudClients {
  /** Tencent's IoT Hub API endpoint. */
  static final String TENCENT_ENDPOINT = "iotcloud.tencentcloudapi.com";

  private CloudClients() {}

  /**
   * A client.
   *
   * @param endpoint {@code http://host:port} or {@code https://host[:port]} for a custom endpoint (the
   *     local hub), or {@code null} for Tencent's own
   * @param region Tencent's region, e.g. {@code ap-guangzhou}; IoT Hub's actions do not need one
   * @param version the API version, {@code 2021-04-08} or {@code 2018-06-14}
   * @param secretId the SecretId requests are signed with
   * @param secretKey the SecretKey requests are signed with
   * @return a client whose {@code call(action, body)} sends signed requests
   * @throws IllegalArgumentException for an endpoint that is not http:// or https://
   */
  static CommonClient iotcloud(String endpoint, String region, String version, String secretId,
      String secretKey) {
    HttpProfile http = new HttpProfile();
    if (endpoint != null) {
      String hostPort;
      if (endpoint.startsWith("http://")) {
        http.setProtocol(HttpProfile.REQ_HTTP);
        hostPort = endpoint.substring("http://".length());
      } else if (endpoint.startsWith("https://")) {
        http.setProtocol(HttpProfile.REQ_HTTPS);
        hostPort = endpoint.substring("https://".length());
      } else {
        throw new IllegalArgumentException("--endpoint must start with http:// or https://, was: " + endpoint);
      }
      if (hostPort.endsWith("/")) {
        hostPort = hostPort.substring(0, hostPort.length() - 1);
      }
      if (hostPort.isEmpty() || hostPort.contains("/")) {
        throw new IllegalArgumentException("--endpoint must be http://host:port, was: " + endpoint);
      }
      http.setEndpoint(hostPort);
    } else {
      http.setEndpoint(TENCENT_ENDPOINT);
    }
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new CommonClient("iotcloud", version, new Credential(secretId, secretKey), region == null ? "" : region,
        profile);
  }
}
