package dev.connectx.adapters.web;

/** A request parameter the read API cannot use; its message names the parameter and what it accepts. */
final class BadParameterException extends RuntimeException {

    BadParameterException(String message) {
        super(message);
    }
}
