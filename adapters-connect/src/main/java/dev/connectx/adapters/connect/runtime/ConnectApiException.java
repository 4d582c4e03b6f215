package dev.connectx.adapters.connect.runtime;

/** A Connect REST API call failed; the message names the call and the status, never the key. */
final class ConnectApiException extends Exception {

    ConnectApiException(String message, Throwable cause) {
        super(message, cause);
    }

    ConnectApiException(String message) {
        super(message);
    }
}
