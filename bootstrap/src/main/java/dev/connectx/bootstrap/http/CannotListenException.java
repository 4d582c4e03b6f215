package dev.connectx.bootstrap.http;

/** The HTTP server cannot listen where it is configured to; the message names the variable to change. */
public final class CannotListenException extends RuntimeException {

    CannotListenException(String message) {
        super(message);
    }
}
