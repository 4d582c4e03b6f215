package dev.connectx.adapters.connect.rest;

/** A Connect REST API call failed; the message names the call and the status, never the key. */
public final class ConnectApiException extends Exception {

    ConnectApiException(String message, Throwable cause) {
        super(message, cause);
    }

    ConnectApiException(String message) {
        super(message);
    }
}
