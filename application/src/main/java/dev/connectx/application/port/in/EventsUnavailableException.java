package dev.connectx.application.port.in;

/** What connectx has kept cannot be read right now (the store does not answer); the same read may work later. */
public final class EventsUnavailableException extends RuntimeException {

    public EventsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
