package dev.connectx.adapters.extensions;

/** An extension jar, or one of its handlers, cannot be used; the message says which and why. connectx does not start. */
public final class ExtensionLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    ExtensionLoadException(String message) {
        super(message);
    }

    ExtensionLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
