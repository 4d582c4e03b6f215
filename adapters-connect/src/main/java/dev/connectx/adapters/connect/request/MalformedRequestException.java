package dev.connectx.adapters.connect.request;

/** The purchase request is not a JSON object at all, so no field can be named. */
public final class MalformedRequestException extends IllegalArgumentException {

    public MalformedRequestException(String message) {
        super(message);
    }
}
