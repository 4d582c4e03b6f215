package dev.connectx.adapters.connect.runtime;

/** A Connect object is larger than any store keeps; delivering its task again cannot help. */
final class ObjectTooLargeException extends Exception {

    ObjectTooLargeException(String message) {
        super(message);
    }
}
