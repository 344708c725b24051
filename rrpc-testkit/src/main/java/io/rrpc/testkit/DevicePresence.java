package io.rrpc.testkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a broker lets the hub know about a device: whether it is connected and listening for RRPC
 * requests. {@link HubSimulator} uses it to fail fast with {@code FailedOperation.DeviceOffline} or
 * {@code FailedOperation.DeviceNoSubscription}, as Tencent's hub does, instead of waiting out the deadline.
 *
 * <p>{@link EmbeddedBroker} answers from Moquette's own state; {@link MosquittoBroker} from Mosquitto's
 * log. {@link #UNKNOWN} is for a broker that tells nothing: the hub then publishes every request and
 * an absent device shows up as {@code FailedOperation.RRPCTimeout}. Implementations are thread-safe.
 */
public interface DevicePresence {

  /** What is known about one device. */
  enum Status {
    /** Connected and subscribed to a filter that matches the request topic. */
    ONLINE,
    /** Connected, but no subscription of the device matches the request topic. */
    NOT_SUBSCRIBED,
    /** Not connected. */
    OFFLINE,
    /** This source cannot tell. */
    UNKNOWN
  }

  /** A source that knows nothing; every status is {@link Status#UNKNOWN}. */
  DevicePresence UNKNOWN = new DevicePresence() {
    @Override
    public Status status(String clientId, String requestTopic) {
      return Status.UNKNOWN;
    }

    @Override
    public void addListener(Runnable listener) {}

    @Override
    public void removeListener(Runnable listener) {}
  };

  /**
   * The status of the client {@code clientId} for a request on {@code requestTopic}. Never blocks.
   *
   * @param clientId the device's MQTT client id, {@code {productId}{deviceName}}
   * @param requestTopic the topic the request would be published on
   * @return whether the client is connected and subscribed to that topic
   */
  Status status(String clientId, String requestTopic);

  /**
   * Calls {@code listener} (on any thread, quickly) after the status of some client may have changed.
   *
   * @param listener what to call; it must return quickly
   */
  void addListener(Runnable listener);

  /**
   * Stops calling a listener added with {@link #addListener}.
   *
   * @param listener a listener added before
   */
  void removeListener(Runnable listener);

  /**
   * Whether {@link #status} may lag behind what the broker has already done (as a log read by another
   * process does). The hub then confirms a negative status with {@link #catchUp} before failing a call.
   *
   * @return true when a negative status needs {@link #catchUp} to be trusted
   */
  default boolean lags() {
    return false;
  }

  /**
   * A stage completing once this view has seen the broker receive a publish from {@code publisherClientId}
   * on {@code markerTopic}, which the caller publishes right after this call. Since a broker handles a
   * client's packets in order, the view is then at least as recent as everything the broker had done
   * before. The default, for a view that never lags, is already complete.
   *
   * @param publisherClientId the client that publishes the marker
   * @param markerTopic the topic of the marker publish
   * @return a stage that completes when the view has caught up
   */
  default CompletionStage<Void> catchUp(String publisherClientId, String markerTopic) {
    return CompletableFuture.completedFuture(null);
  }
}
