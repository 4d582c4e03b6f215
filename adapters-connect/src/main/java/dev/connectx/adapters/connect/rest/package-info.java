/**
 * The two Connect REST calls a background task makes: the status count and the object fetch, bounded in size. See
 * {@code docs/connect-protocol.md} §4.1.
 */
package dev.connectx.adapters.connect.rest;
