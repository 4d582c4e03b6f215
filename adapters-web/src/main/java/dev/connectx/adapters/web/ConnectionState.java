package dev.connectx.adapters.web;

/**
 * What the status page says about Connect and the store, as the composition root knows it.
 *
 * @param configured whether connectx runs with Connect ({@code API_KEY} and {@code ENVIRONMENT_ID}) or in local mode
 * @param connected whether the events worker holds a live connection to Connect
 * @param connect where it connects, e.g. {@code wss://api.cnct.info}
 * @param store the active store's description (never a secret); whether it answers, the status learns by reading from it
 * @param version connectx's version
 */
public record ConnectionState(boolean configured, boolean connected, String connect, String store, String version) {}
