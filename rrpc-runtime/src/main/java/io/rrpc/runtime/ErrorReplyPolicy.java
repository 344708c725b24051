package io.rrpc.runtime;

/**
 * Turns every outcome that is not a clean success into the bytes of its reply. The one seam for
 * changing what error replies look like; the {@linkplain #standard() standard policy} is the
 * documented format that cloud callers rely on.
 *
 * <pre>{@code
 * // Reply to everything in a vendor format, keeping the standard code and message.
 * ErrorReplyPolicy vendor = (outcome, code, message, request) ->
 *     ("ERR " + code).getBytes(StandardCharsets.UTF_8);
 * }</pre>
 *
 * <p>Called from the MQTT callback thread for {@link Outcome#BUSY} and {@link
 * Outcome#PAYLOAD_TOO_LARGE} and from worker or timer threads for the others, possibly concurrently:
 * implementations must be thread-safe, fast and must not block. If one throws or returns {@code null},
 * the standard reply is sent instead.
 */
public interface ErrorReplyPolicy {

  /**
   * @param outcome why the request failed; never {@link Outcome#SUCCESS}
   * @param code the error code: {@link Outcome#code()}, or the handler's own code for {@link
   *     Outcome#REFUSED}
   * @param message a human-readable reason that is safe to send (it never holds an exception's
   *     message, except an {@link RrpcException}'s, which is meant for the caller)
   * @param request the request; {@link RrpcRequest#isJson()} tells which format the caller speaks
   * @return the reply payload
   */
  byte[] errorReply(Outcome outcome, String code, String message, RrpcRequest request);

  /**
   * The documented format: {@code error <code>: <message>} (UTF-8) for a text request,
   * <code>{"error":{"code":"&lt;code&gt;","message":"&lt;message&gt;"}}</code> for a JSON request.
   *
   * @return the standard policy, a thread-safe singleton
   */
  static ErrorReplyPolicy standard() {
    return StandardErrorReplies.INSTANCE;
  }
}
