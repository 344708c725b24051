/**
 * The devices a hub serves: {@link io.rrpc.hub.devices.DeviceSpec} (product, name, secret) and the KEY
 * {@code device_info.json} files the hub reads and writes, {@link io.rrpc.hub.devices.DeviceInfoFiles}.
 */
package io.rrpc.hub.devices;
