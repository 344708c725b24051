/**
 * The hub's Tencent Cloud API 3.0 server: a Netty HTTP endpoint that verifies TC3-HMAC-SHA256 signatures
 * and answers {@code PublishRRPCMessage}, {@code DescribeDevice} and {@code PublishMessage} with
 * Tencent's JSON.
 *
 * <p>Stable for users: {@link io.rrpc.hub.api.ApiCredentials} and the codes in
 * {@link io.rrpc.hub.api.ApiErrors}. The other public types ({@code ApiServer}, {@code ApiActions},
 * {@code Tc3Verifier}, {@code Tc3Signature}, {@code DeviceHub}, {@code RateLimiter},
 * {@code ApiException}) are public only because {@link io.rrpc.hub.LocalHub} in another package
 * assembles them; embed the hub through {@code LocalHub} instead, as they may change in any release.
 */
package io.rrpc.hub.api;
