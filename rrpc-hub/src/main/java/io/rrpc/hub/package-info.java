/**
 * A local IoT Hub for RRPC, to embed in tests or tools: {@link io.rrpc.hub.LocalHub} started with
 * {@link io.rrpc.hub.HubOptions}.
 *
 * <p>The public API of the {@code io.rrpc:rrpc-hub} artifact is {@code LocalHub} (with
 * {@code LocalHub.GeneratedDevice}), {@code HubOptions}, {@link io.rrpc.hub.devices.DeviceSpec} and
 * {@link io.rrpc.hub.devices.DeviceInfoFiles} (the devices a hub serves and their
 * {@code device_info.json} files), and {@link io.rrpc.hub.api.ApiCredentials} with
 * {@link io.rrpc.hub.api.ApiErrors} (what cloud code signs with, and the error codes it may get).
 * Everything else that is public in {@link io.rrpc.hub.api} is public only because this package wires it
 * together; it may change in any release. The command line ({@code java -jar rrpc-hub.jar}: serve,
 * {@code call}, {@code load}) lives in this package and is not API.
 */
package io.rrpc.hub;
