package dev.connectx.adapters.connect.rest;

/** A Connect object is larger than any store keeps; delivering its task again cannot help. */
public final class ObjectTooLargeException extends Exception {

    ObjectTooLargeException(String message) {
        super(message);
    }
}
