/**
 * The WebSocket under the Connect runtime: one connection (bounded inbound frames, serialized sends, pings and
 * keepalive), how a failed upgrade is classified, and the reconnect backoff. See {@code docs/connect-protocol.md} §1.
 */
package dev.connectx.adapters.connect.transport;
