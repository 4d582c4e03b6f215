package dev.connectx.application.port.out;

/** The store could not be reached or did not answer in time; the same call may succeed later. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
