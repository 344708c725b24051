package io.rrpc.testkit;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Device presence read from Mosquitto's log ({@code log_type all}, {@code connection_messages true},
 * no timestamps), one line at a time, in the order the broker wrote them.
 *
 * <p>Mosquitto writes "New client connected ... as X" before the CONNACK and a subscription's filter
 * lines before the SUBACK, but this view reads them a moment later: it {@linkplain #lags() lags}, and
 * the hub confirms a negative answer with a {@linkplain #catchUp marker publish} before failing a call.
 */
final class MosquittoLogPresence implements DevicePresence {
  private static final Pattern CONNECTED =
      Pattern.compile("^New client connected from \\S+ as (.+) \\(p\\d+, c(\\d), k\\d+.*\\)\\.$");
  private static final Pattern DISCONNECTED =
      Pattern.compile("^Client (.+?) (?:disconnected|closed its connection|has exceeded timeout)");
  private static final Pattern SOCKET_ERROR = Pattern.compile("^Socket error on client (.+?), disconnecting");
  private static final Pattern SUBSCRIBE = Pattern.compile("^Received SUBSCRIBE from (.+)$");
  private static final Pattern UNSUBSCRIBE = Pattern.compile("^Received UNSUBSCRIBE from (.+)$");
  private static final Pattern FILTER = Pattern.compile("^\t(.+?)(?: \\(QoS \\d\\))?$");
  private static final Pattern PUBLISH_RECEIVED =
      Pattern.compile("^Received PUBLISH from (.+?) \\(d\\d, q\\d, r\\d, m\\d+, '(.*)', \\.\\.\\. \\(\\d+ bytes\\)\\)$");

  private final Set<String> connected = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> filtersByClient = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> markers = new ConcurrentHashMap<>();
  private final PresenceListeners listeners = new PresenceListeners();
  // Only the log-reading thread touches these two.
  private String subscribing;
  private String unsubscribing;

  /** Takes the next log line. Called by one thread at a time, in log order. */
  void onLine(String line) {
    Matcher m;
    if (line.startsWith("\t")) {
      m = FILTER.matcher(line);
      if (m.matches() && subscribing != null) {
        filtersByClient.computeIfAbsent(subscribing, k -> ConcurrentHashMap.newKeySet()).add(m.group(1));
        listeners.fire();
      } else if (m.matches() && unsubscribing != null) {
        Set<String> filters = filtersByClient.get(unsubscribing);
        if (filters != null) {
          filters.remove(m.group(1));
        }
        listeners.fire();
      }
      return;
    }
    subscribing = null;
    unsubscribing = null;
    if ((m = PUBLISH_RECEIVED.matcher(line)).matches()) {
      CompletableFuture<Void> marker = markers.remove(m.group(2));
      if (marker != null) {
        marker.complete(null);
      }
    } else if ((m = CONNECTED.matcher(line)).matches()) {
      String clientId = m.group(1);
      if (m.group(2).equals("1")) {
        filtersByClient.put(clientId, ConcurrentHashMap.newKeySet()); // a clean session has no subscriptions
      }
      connected.add(clientId);
      listeners.fire();
    } else if ((m = DISCONNECTED.matcher(line)).find() || (m = SOCKET_ERROR.matcher(line)).find()) {
      connected.remove(m.group(1));
      listeners.fire();
    } else if ((m = SUBSCRIBE.matcher(line)).matches()) {
      subscribing = m.group(1);
    } else if ((m = UNSUBSCRIBE.matcher(line)).matches()) {
      unsubscribing = m.group(1);
    }
  }

  /** The broker stopped: nobody is connected, and no marker will ever be logged. */
  void reset() {
    connected.clear();
    filtersByClient.clear();
    for (String topic : markers.keySet()) {
      CompletableFuture<Void> marker = markers.remove(topic);
      if (marker != null) {
        marker.completeExceptionally(new IllegalStateException("mosquitto stopped"));
      }
    }
    listeners.fire();
  }

  @Override
  public Status status(String clientId, String requestTopic) {
    if (!connected.contains(clientId)) {
      return Status.OFFLINE;
    }
    Set<String> filters = filtersByClient.get(clientId);
    if (filters != null) {
      for (String filter : filters) {
        if (TopicFilter.matches(filter, requestTopic)) {
          return Status.ONLINE;
        }
      }
    }
    return Status.NOT_SUBSCRIBED;
  }

  @Override
  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  @Override
  public boolean lags() {
    return true;
  }

  @Override
  public CompletionStage<Void> catchUp(String publisherClientId, String markerTopic) {
    CompletableFuture<Void> seen = new CompletableFuture<>();
    markers.put(markerTopic, seen);
    seen.whenComplete((v, e) -> markers.remove(markerTopic, seen));
    return seen;
  }
}
