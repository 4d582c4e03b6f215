package dev.connectx.adapters.connect.rest;

import java.time.Duration;
import java.util.Optional;

/**
 * A list page could not be had. The message names the call and what went wrong (a status code, Connect's error
 * text, or an exception's name), never the key.
 */
public final class ListFailedException extends Exception {

    /** What a failure means for whoever asked for the page. */
    public enum Kind {
        /** 429, 5xx, a timeout, a refused or broken connection, an unreadable page: ask again later. */
        TRANSIENT,
        /** 401 or 403: Connect refused the API key; asking again may work once the key is fixed. */
        KEY_REFUSED,
        /** Any other 4xx: this list will not be served as asked. */
        REFUSED
    }

    private final Kind kind;
    private final String reason;
    private final Optional<Duration> retryAfter;

    ListFailedException(Kind kind, String reason, Optional<Duration> retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** A short reason for a status report: {@code HTTP 503}, {@code HttpConnectTimeoutException}. */
    public String reason() {
        return reason;
    }

    /** How long Connect asked to wait ({@code Retry-After}), if it did. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
