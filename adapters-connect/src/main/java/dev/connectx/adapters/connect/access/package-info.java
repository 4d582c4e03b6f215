/**
 * How connectx reaches Connect: one way to build the HTTP client that carries the WebSocket and the REST calls
 * (through the proxy the environment names), and whether Connect accepts the key. Shared by the runtime and the
 * backfill, which otherwise know nothing of each other.
 */
package dev.connectx.adapters.connect.access;
