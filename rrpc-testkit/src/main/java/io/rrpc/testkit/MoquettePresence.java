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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Device presence on the embedded Moquette broker, exact at every instant, and the {@link BrokerListener}
 * events of logins, subscriptions and disconnections.
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
  /** The latest login of each client that ever logged in; whether it is still connected is asked of Moquette. */
  private final Map<String, Login> logins = new ConcurrentHashMap<>();
  /** Clients that passed the login check and may not be listed as connected yet. */
  private final Set<String> connecting = ConcurrentHashMap.newKeySet();
  /**
   * Logins not yet told as ended, per client. Moquette reports a clean DISCONNECT twice (as a disconnect
   * and as a lost connection): each login's end is told once, and a refused login's not at all.
   */
  private final Map<String, Integer> loginsNotEnded = new ConcurrentHashMap<>();
  private final PresenceListeners listeners = new PresenceListeners();
  private final BrokerListeners brokerListeners;
  private volatile Server server;

  MoquettePresence(BrokerListeners brokerListeners) {
    this.brokerListeners = brokerListeners;
  }

  void attach(Server server) {
    this.server = server;
  }

  /** A client has passed the login check: its clean session has no subscriptions yet. */
  void loggedIn(String clientId) {
    Login login = new Login(Instant.now());
    logins.put(clientId, login);
    connecting.add(clientId);
    loginsNotEnded.merge(clientId, 1, Integer::sum);
    brokerListeners.loggedIn(clientId, login.at);
  }

  /** The client's current connection, or {@code null} when it is not connected. */
  ConnectedDevice connected(String clientId) {
    Login login = logins.get(clientId);
    return login != null && isConnected(clientId) ? new ConnectedDevice(clientId, login.at, login.filters) : null;
  }

  /** Every client connected now. */
  List<ConnectedDevice> connected() {
    List<ConnectedDevice> devices = new ArrayList<>();
    for (String clientId : logins.keySet()) {
      ConnectedDevice device = connected(clientId);
      if (device != null) {
        devices.add(device);
      }
    }
    devices.sort(Comparator.comparing(ConnectedDevice::clientId));
    return devices;
  }

  @Override
  public Status status(String clientId, String requestTopic) {
    if (!isConnected(clientId)) {
      return Status.OFFLINE;
    }
    Login login = logins.get(clientId);
    if (login != null) {
      for (String filter : login.filters) {
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
    String filter = topic.toString();
    logins.computeIfAbsent(clientId, k -> new Login(Instant.now())).filters.add(filter);
    brokerListeners.subscribed(clientId, filter);
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
    ended(msg.getClientID());
  }

  @Override
  public void onConnectionLost(InterceptConnectionLostMessage msg) {
    ended(msg.getClientID());
  }

  private void ended(String clientId) {
    connecting.remove(clientId);
    boolean[] told = {false};
    loginsNotEnded.computeIfPresent(clientId, (k, open) -> {
      told[0] = true;
      return open == 1 ? null : open - 1;
    });
    if (told[0]) {
      brokerListeners.disconnected(clientId);
    }
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

  /** One accepted login: when, and the filters subscribed since (in order). */
  private static final class Login {
    final Instant at;
    final Set<String> filters = new CopyOnWriteArraySet<>();

    Login(Instant at) {
      this.at = at;
    }
  }
}
