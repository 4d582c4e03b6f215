package dev.connectx.domain;

/**
 * A value quoted for a message or a log line, whoever sent it: control characters escaped (so that it cannot forge
 * a line), at most {@value #MAX_CODE_POINTS} characters, then "…".
 */
public final class Printable {

    static final int MAX_CODE_POINTS = 80;

    private Printable() {}

    /** The value between single quotes. */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder("'");
        value.codePoints().limit(MAX_CODE_POINTS).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append("\\u%04x".formatted(c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > MAX_CODE_POINTS) {
            out.append('…');
        }
        return out.append('\'').toString();
    }
}
