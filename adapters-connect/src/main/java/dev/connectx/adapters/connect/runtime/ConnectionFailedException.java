package dev.connectx.adapters.connect.runtime;

/**
 * A connect attempt failed. {@link #maintenance()} is true when Connect answered 502, which the Python runner
 * retries for longer (§1.7).
 */
final class ConnectionFailedException extends Exception {

    private final boolean maintenance;

    ConnectionFailedException(String message, boolean maintenance, Throwable cause) {
        super(message, cause);
        this.maintenance = maintenance;
    }

    boolean maintenance() {
        return maintenance;
    }
}
