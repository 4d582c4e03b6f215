package dev.connectx.application.port.out;

/** The store can never accept this event (e.g. it is too large); sending it again will not help. */
public final class EventRejectedException extends RuntimeException {

    public EventRejectedException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventRejectedException(String message) {
        super(message);
    }
}
