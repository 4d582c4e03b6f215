/**
 * The Connect extension runtime: the background events worker of the DevOps WebSocket protocol, its result
 * sender, reconnection and shutdown. See {@code docs/connect-protocol.md} §1, §2, §4.
 */
package dev.connectx.adapters.connect.runtime;
