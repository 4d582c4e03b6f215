package dev.connectx.application.port.in;

/** The backfill's checkpoint could not be read or written now (the store is not reachable); try again later. */
public final class CheckpointUnavailableException extends RuntimeException {

    public CheckpointUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
