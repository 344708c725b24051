package io.rrpc.runtime;

/**
 * The RRPC topic scheme of one device: it subscribes to {@code $rrpc/rxd/{productId}/{deviceName}/+}
 * and answers request {@code .../{processId}} on {@code $rrpc/txd/{productId}/{deviceName}/{processId}}.
 * Both prefixes are computed once, so a request costs one prefix check and one concatenation.
 */
final class RrpcTopics {
  /** The longest processId accepted; the hub's ids are numeric and far shorter. */
  static final int MAX_PROCESS_ID_LENGTH = 64;

  private final String requestPrefix;
  private final String replyPrefix;

  RrpcTopics(String productId, String deviceName) {
    this.requestPrefix = "$rrpc/rxd/" + productId + '/' + deviceName + '/';
    this.replyPrefix = "$rrpc/txd/" + productId + '/' + deviceName + '/';
  }

  /** The subscription filter for this device's requests. */
  String requestFilter() {
    return requestPrefix + '+';
  }

  /** The topic a request with this processId arrives on (what the hub publishes to). */
  String requestTopic(String processId) {
    return requestPrefix + processId;
  }

  /** The topic the reply to this processId goes to. */
  String replyTopic(String processId) {
    return replyPrefix + processId;
  }

  /**
   * The processId of a request topic: its last level, 1 to {@value #MAX_PROCESS_ID_LENGTH} characters
   * of {@code [A-Za-z0-9_-]}.
   *
   * @return the processId, or {@code null} when the topic is not this device's request topic or
   *     the id
   *     is not safe to put in a reply topic
   */
  String processIdOf(String topic) {
    int n = topic.length() - requestPrefix.length();
    if (n < 1 || n > MAX_PROCESS_ID_LENGTH || !topic.startsWith(requestPrefix)) {
      return null;
    }
    for (int i = requestPrefix.length(); i < topic.length(); i++) {
      char c = topic.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
      if (!ok) {
        return null;
      }
    }
    return topic.substring(requestPrefix.length());
  }
}
