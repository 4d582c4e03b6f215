package dev.connectx.adapters.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the status page says about Connect and the store, as the composition root knows it.
 *
 * @param configured whether connectx runs with Connect ({@code API_KEY} and {@code ENVIRONMENT_ID}) or in local mode
 * @param connected whether the events worker holds a live connection to Connect
 * @param connect where it connects, e.g. {@code wss://api.cnct.info}
 * @param store the active store's description (never a secret); whether it answers, the status learns by reading from it
 * @param version connectx's version
 * @param problem why Connect refuses connectx (its key), if it does
 * @param history the latest changes of the connection, newest first
 */
public record ConnectionState(
        boolean configured,
        boolean connected,
        String connect,
        String store,
        String version,
        Optional<String> problem,
        List<Change> history) {

    public ConnectionState {
        history = List.copyOf(history);
    }

    /** A state without a problem or a history: local mode, or a test's. */
    public ConnectionState(boolean configured, boolean connected, String connect, String store, String version) {
        this(configured, connected, connect, store, version, Optional.empty(), List.of());
    }

    /** One change of the connection: when, and what. */
    public record Change(Instant at, String what) {}
}
