package dev.connectx.domain;

import java.util.regex.Pattern;

/** Shared checks for the domain's value types. */
final class Values {

    private Values() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidEventException(field, "is required");
        }
        return value;
    }

    /** Checks an identifier against its pattern, quoting at most a short prefix of a refused value. */
    static String identifier(String field, String value, Pattern pattern, int maxLength, String example) {
        required(field, value);
        if (value.isEmpty()) {
            throw new InvalidEventException(field, "must not be empty");
        }
        if (value.length() > maxLength) {
            throw new InvalidEventException(field, "is " + value.length() + " characters long, at most " + maxLength + " allowed");
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidEventException(field, "'" + printable(value) + "' is not a valid id (expected the form " + example + ")");
        }
        return value;
    }

    /** Renders a value safely for a message: control characters escaped, long values cut. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > 80) {
            out.append('…');
        }
        return out.toString();
    }
}
