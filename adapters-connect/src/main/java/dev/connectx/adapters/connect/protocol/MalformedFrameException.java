package dev.connectx.adapters.connect.protocol;

/** A frame from Connect that cannot be understood; the message says what is wrong with it. */
public final class MalformedFrameException extends RuntimeException {

    public MalformedFrameException(String message) {
        super(message);
    }
}
