package dev.connectx.adapters.connect.rest;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code Retry-After}: a number of seconds or an HTTP date; anything else, or a time past, is no wait. */
final class RetryAfter {

    /** Longer waits than this are taken as this: a mistyped header must not stop the backfill for a day. */
    static final Duration MAX = Duration.ofMinutes(5);

    private RetryAfter() {}

    static Optional<Duration> parse(HttpHeaders headers) {
        return headers.firstValue("Retry-After").flatMap(value -> parse(value.strip(), Instant.now()));
    }

    static Optional<Duration> parse(String value, Instant now) {
        Duration wait;
        if (value.matches("\\d{1,9}")) {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                wait = Duration.between(
                        now,
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (wait.isNegative() || wait.isZero()) {
            return Optional.empty();
        }
        return Optional.of(wait.compareTo(MAX) > 0 ? MAX : wait);
    }
}
