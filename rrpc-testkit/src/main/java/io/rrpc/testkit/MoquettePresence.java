package io.rrpc.testkit;

import io.moquette.broker.ClientDescriptor;
import io.moquette.broker.Server;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.moquette.interception.messages.InterceptSubscribeMessage;
import io.moquette.interception.messages.InterceptUnsubscribeMessage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Device presence on the embedded Moquette broker, exact at every instant.
 *
 * <p>Moquette's interceptor events run on a thread pool after the broker has acknowledged the packet,
 * so a device can have its SUBACK before the event arrives: they only wake up waiters here. The state
 * itself comes from calls Moquette makes synchronously: whether a client is connected from {@link
 * Server#listConnectedClients()}, which lists a client only once its CONNACK has been written, so a
 * client that passed the login check (before the CONNACK) counts as connected until then; its
 * subscriptions from the authorization check of each SUBSCRIBE ({@link #canRead}, before the SUBACK),
 * forgotten when the client logs in again (a clean session starts with none). Unsubscribes are not tracked (devices do not unsubscribe their RRPC topic): at
 * worst a stale subscription turns a {@code DeviceNoSubscription} into an {@code RRPCTimeout}, never the
 * reverse.
 */
final class MoquettePresence extends AbstractInterceptHandler implements DevicePresence, IAuthorizatorPolicy {
  private final Map<String, Set<String>> filtersByClient = new ConcurrentHashMap<>();
  /** Clients that passed the login check and may not be listed as connected yet. */
  private final Set<String> connecting = ConcurrentHashMap.newKeySet();
  private final PresenceListeners listeners = new PresenceListeners();
  private volatile Server server;

  void attach(Server server) {
    this.server = server;
  }

  /** A client has passed the login check: its clean session has no subscriptions yet. */
  void loggedIn(String clientId) {
    filtersByClient.put(clientId, ConcurrentHashMap.newKeySet());
    connecting.add(clientId);
  }

  @Override
  public Status status(String clientId, String requestTopic) {
    if (!isConnected(clientId)) {
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

  private boolean isConnected(String clientId) {
    Server s = server;
    if (s != null) {
      for (ClientDescriptor client : s.listConnectedClients()) {
        if (client.getClientID().equals(clientId)) {
          connecting.remove(clientId);
          return true;
        }
      }
    }
    return connecting.contains(clientId);
  }

  @Override
  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  // IAuthorizatorPolicy: called while Moquette handles a SUBSCRIBE, before the SUBACK.
  @Override
  public boolean canRead(Topic topic, String user, String clientId) {
    filtersByClient.computeIfAbsent(clientId, k -> ConcurrentHashMap.newKeySet()).add(topic.toString());
    listeners.fire();
    return true;
  }

  @Override
  public boolean canWrite(Topic topic, String user, String clientId) {
    return true;
  }

  // InterceptHandler: only wake-ups, see the class comment.
  @Override
  public String getID() {
    return "rrpc-testkit-presence";
  }

  @Override
  public Class<?>[] getInterceptedMessageTypes() {
    return new Class<?>[] {
      InterceptConnectMessage.class, InterceptDisconnectMessage.class, InterceptConnectionLostMessage.class,
      InterceptSubscribeMessage.class, InterceptUnsubscribeMessage.class
    };
  }

  @Override
  public void onConnect(InterceptConnectMessage msg) {
    listeners.fire();
  }

  @Override
  public void onDisconnect(InterceptDisconnectMessage msg) {
    connecting.remove(msg.getClientID());
    listeners.fire();
  }

  @Override
  public void onConnectionLost(InterceptConnectionLostMessage msg) {
    connecting.remove(msg.getClientID());
    listeners.fire();
  }

  @Override
  public void onSubscribe(InterceptSubscribeMessage msg) {
    listeners.fire();
  }

  @Override
  public void onUnsubscribe(InterceptUnsubscribeMessage msg) {
    listeners.fire();
  }

  @Override
  public void onSessionLoopError(Throwable error) {
    // Moquette logs it itself.
  }
}
