package dev.connectx.bootstrap;

/** connectx cannot start as configured; the message says why and what to change, without secrets. */
public final class StartupException extends RuntimeException {

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupException(String message) {
        super(message);
    }
}
