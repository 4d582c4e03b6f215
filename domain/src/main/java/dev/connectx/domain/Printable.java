package dev.connectx.domain;

/**
 * Text from outside (a value a client sent, a server's error message) made safe for a message or a log line:
 * control characters escaped, so that it cannot forge a line, and cut at a number of characters (never inside one),
 * then "…". The one place connectx shortens what it quotes.
 */
public final class Printable {

    static final int MAX_CODE_POINTS = 80;

    private Printable() {}

    /** The value between single quotes, at most {@value #MAX_CODE_POINTS} characters of it. */
    public static String quoted(String value) {
        return quoted(value, MAX_CODE_POINTS);
    }

    /** The value between single quotes, at most {@code maxCodePoints} characters of it. */
    public static String quoted(String value, int maxCodePoints) {
        return "'" + cut(value, maxCodePoints) + "'";
    }

    /** The first line of a message, at most {@code maxCodePoints} characters of it; {@code (no message)} for none. */
    public static String firstLine(String message, int maxCodePoints) {
        if (message == null) {
            return "(no message)";
        }
        return cut(message.lines().findFirst().orElse(""), maxCodePoints);
    }

    private static String cut(String value, int maxCodePoints) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(maxCodePoints).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append("\\u%04x".formatted(c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > maxCodePoints) {
            out.append('…');
        }
        return out.toString();
    }
}
