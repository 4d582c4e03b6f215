package dev.connectx.bootstrap.store;

/** The store the settings name cannot be opened (e.g. the embedded MongoDB's port is taken); the message says what to set. */
public final class CannotOpenStoreException extends RuntimeException {

    CannotOpenStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
