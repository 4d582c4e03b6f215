/**
 * The Connect DevOps WebSocket protocol, version 2: the frames connectx reads and writes, and their codec.
 * Internal to the adapter; see {@code docs/connect-protocol.md} §2.
 */
package dev.connectx.adapters.connect.protocol;
