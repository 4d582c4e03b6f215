package dev.connectx.adapters.connect.transport;

/**
 * A connect attempt failed. {@link #maintenance()} is true when Connect answered 502, which the Python runner
 * retries for longer (§1.7).
 */
public final class ConnectionFailedException extends Exception {

    private final boolean maintenance;

    public ConnectionFailedException(String message, boolean maintenance, Throwable cause) {
        super(message, cause);
        this.maintenance = maintenance;
    }

    public boolean maintenance() {
        return maintenance;
    }
}
