package dev.connectx.adapters.web;

/**
 * What the status page says about Connect and the store, as the composition root knows it.
 *
 * @param connected whether the events worker holds a live connection to Connect
 * @param connect where it connects, e.g. {@code wss://api.cnct.info} or the local simulator
 * @param store the active store's description (never a secret)
 * @param storeReachable whether the store answers right now
 */
public record ConnectionState(boolean connected, String connect, String store, boolean storeReachable) {
}
