package dev.connectx.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** Shared checks for the domain's value types. */
final class Values {

    private Values() {}

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidEventException(field, "is required");
        }
        return value;
    }

    /** The first and last instants a store keeps exactly: ISO-8601's four-digit years, well inside a MongoDB date. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** Checks that an instant lies in the years 1 to 9999, and keeps it to the millisecond (a MongoDB date's precision). */
    static Instant storableInstant(String field, Instant value) {
        Instant millis = required(field, value).truncatedTo(ChronoUnit.MILLIS);
        if (millis.isBefore(EARLIEST) || millis.isAfter(LATEST)) {
            throw new InvalidEventException(
                    field, Printable.quoted(value.toString()) + " is outside the years 1 to 9999 that a store keeps");
        }
        return millis;
    }

    /** Checks an identifier against its pattern, quoting at most a short prefix of a refused value. */
    static String identifier(String field, String value, Pattern pattern, int maxLength, String example) {
        required(field, value);
        if (value.isEmpty()) {
            throw new InvalidEventException(field, "must not be empty");
        }
        if (value.length() > maxLength) {
            throw new InvalidEventException(
                    field, "is " + value.length() + " characters long, at most " + maxLength + " allowed");
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidEventException(
                    field, Printable.quoted(value) + " is not a valid id (expected the form " + example + ")");
        }
        return value;
    }
}
