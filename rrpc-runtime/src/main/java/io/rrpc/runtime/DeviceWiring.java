package io.rrpc.runtime;

import java.util.concurrent.TimeUnit;

/**
 * The parts of one run of a device (from {@link RrpcDevice#start()} to {@link RrpcDevice#close()}),
 * built in the order data flows back through them: threads, then the session, then the reply sender
 * that publishes through it, then the answers and the intake that feed it. Nothing is wired after
 * construction except the session's listeners, which it gets at {@link #start()}.
 */
final class DeviceWiring {
  // Duplicate detection remembers at most this many answered processIds (a window's worth at 1000/s).
  private static final int RECENT_CAPACITY = 4096;

  final RrpcExecutors executors;
  /** Whether {@link #executors} are this device's own, to end with it, rather than shared. */
  final boolean ownsExecutors;
  final HandlerLane workers;
  final MqttSession session;
  final ReplySender replies;
  final AnswerSink answers;
  final RequestIntake intake;
  final ConnectionEvents events;

  DeviceWiring(DeviceSettings settings, MetricsRecorder metrics) {
    ownsExecutors = settings.executors == null;
    executors = ownsExecutors ? RrpcExecutors.forOneDevice(settings.threadName()) : settings.executors;
    // Workers are made on the first request, not at start: an idle device costs Paho's threads and the timer.
    workers = new HandlerLane(executors.handlers, settings.workers, settings.queueCapacity);
    events = new ConnectionEvents(settings.connectionListener, executors.handlers);
    RrpcTopics topics = new RrpcTopics(settings.deviceInfo.productId(), settings.deviceInfo.deviceName());
    ConnectIdentity identity = new ConnectIdentity(settings.deviceInfo, settings.sdkAppId,
        settings.signatureAlgorithm, settings.tokenValidityMillis);
    session = new MqttSession(settings.endpoint, identity, topics.requestFilter(), settings.requestQos,
        settings.keepAliveSeconds, settings.connectTimeoutMillis,
        new Backoff(settings.backoffMinMillis, settings.backoffMaxMillis), executors, events);
    replies = new ReplySender(session, metrics, settings.replyHoldMillis);
    long deadlineNanos = TimeUnit.MILLISECONDS.toNanos(settings.deadlineMillis);
    RecentRequests recent = new RecentRequests(deadlineNanos, RECENT_CAPACITY);
    answers = new AnswerSink(metrics, recent, replies, settings.errorReplyPolicy);
    intake = new RequestIntake(topics, settings.table, metrics, answers, recent, new Deadlines(executors.timer),
        workers, settings.deadlineMillis, settings.maxPayloadBytes);
  }

  /** Connects and subscribes; see {@link MqttSession#start}. On failure every thread ends. */
  void start() {
    try {
      session.start(intake, replies::sendHeld);
    } catch (RuntimeException e) {
      if (e instanceof RrpcStartException) {
        events.startFailed((RrpcStartException) e);
      }
      workers.stop();
      if (ownsExecutors) {
        executors.shutdownAfterFailedStart(); // after the events queued so far, startFailed last
      }
      throw e;
    }
  }
}
