package dev.connectx.adapters.web;

/**
 * What the status page says about Connect and the store, as the composition root knows it.
 *
 * @param connected whether the events worker holds a live connection to Connect
 * @param connect where it connects, e.g. {@code wss://api.cnct.info} or the local simulator
 * @param store the active store's description (never a secret); whether it answers, the status learns by reading from it
 */
public record ConnectionState(boolean connected, String connect, String store) {
}
