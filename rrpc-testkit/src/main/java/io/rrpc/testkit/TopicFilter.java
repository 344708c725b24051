package io.rrpc.testkit;

/** MQTT 3.1.1 topic-filter matching (section 4.7), used to tell whether a device listens for a request. */
final class TopicFilter {
  private TopicFilter() {}

  /**
   * Whether {@code filter} matches {@code topic}. As the spec requires (and Moquette does not), a
   * wildcard in the first level never matches a topic starting with {@code $}.
   */
  static boolean matches(String filter, String topic) {
    if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
      return false;
    }
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return i == f.length - 1;
      }
      if (i >= t.length) {
        return false;
      }
      if (!f[i].equals("+") && !f[i].equals(t[i])) {
        return false;
      }
    }
    return f.length == t.length;
  }
}
