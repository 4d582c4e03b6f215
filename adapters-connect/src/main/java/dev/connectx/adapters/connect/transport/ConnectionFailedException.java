package dev.connectx.adapters.connect.transport;

import java.util.OptionalInt;

/**
 * A connect attempt failed. {@link #maintenance()} is true when Connect answered 502, which the Python runner
 * retries for longer (§1.7); {@link #refusedStatus()} holds the 401 or 403 with which Connect refused the key.
 */
public final class ConnectionFailedException extends Exception {

    private final boolean maintenance;
    private final int refusedStatus;

    public ConnectionFailedException(String message, boolean maintenance, Throwable cause) {
        this(message, maintenance, 0, cause);
    }

    private ConnectionFailedException(String message, boolean maintenance, int refusedStatus, Throwable cause) {
        super(message, cause);
        this.maintenance = maintenance;
        this.refusedStatus = refusedStatus;
    }

    /** Connect answered the upgrade with 401 or 403: it does not accept the key. */
    static ConnectionFailedException keyRefused(int status, Throwable cause) {
        return new ConnectionFailedException(
                "Connect refused API_KEY (HTTP " + status + " at the WebSocket upgrade)", false, status, cause);
    }

    public boolean maintenance() {
        return maintenance;
    }

    /** The 401 or 403 with which Connect refused the key; empty for any other failure. */
    public OptionalInt refusedStatus() {
        return refusedStatus == 0 ? OptionalInt.empty() : OptionalInt.of(refusedStatus);
    }
}
