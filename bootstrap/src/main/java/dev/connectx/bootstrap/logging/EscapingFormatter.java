package dev.connectx.bootstrap.logging;

import dev.connectx.logcontext.LogContext;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record ({@code 2026-12-01T10:00:00.000 INFO logger: message task_id=TQ-…}: the level by the names of
 * {@link LevelNames}, the fields of the work being done last), then the stack trace if any, with every
 * control character of the message and of exception messages escaped ({@code \n}, {@code \u001b}, …). Values from
 * Connect, from a posted request or from a URL reach log messages; escaped, they cannot start a forged line, colour
 * a terminal or hide text behind bidirectional controls.
 */
public final class EscapingFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(TIME.format(LocalDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault())))
                .append(' ')
                .append(LevelNames.of(record.getLevel()))
                .append(' ')
                .append(record.getLoggerName())
                .append(": ");
        escape(formatMessage(record), line);
        for (Map.Entry<String, String> context : LogContext.current().entrySet()) {
            line.append(' ').append(context.getKey()).append('=');
            escape(context.getValue(), line);
        }
        if (record.getThrown() != null) {
            appendTrace(record.getThrown(), "\n", line, new IdentityHashMap<>());
        }
        return line.append('\n').toString();
    }

    private static void appendTrace(Throwable thrown, String prefix, StringBuilder out, Map<Throwable, Boolean> seen) {
        if (seen.put(thrown, Boolean.TRUE) != null) {
            out.append(prefix).append("[circular reference]");
            return;
        }
        out.append(prefix);
        escape(thrown.toString(), out);
        for (StackTraceElement frame : thrown.getStackTrace()) {
            out.append("\n\tat ").append(frame);
        }
        for (Throwable suppressed : thrown.getSuppressed()) {
            appendTrace(suppressed, "\n\tSuppressed: ", out, seen);
        }
        if (thrown.getCause() != null) {
            appendTrace(thrown.getCause(), "\nCaused by: ", out, seen);
        }
    }

    /** Appends {@code text} with control, line-separator and bidirectional-override characters escaped. */
    static void escape(String text, StringBuilder out) {
        if (text == null) {
            out.append("null");
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            escape(text.charAt(i), out);
        }
    }

    /**
     * Appends {@code c}, escaped as {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX} when it is a control,
     * a line separator or a bidirectional override: escapes JSON reads the same way.
     */
    static void escape(char c, StringBuilder out) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (Character.isISOControl(c)
                        || c == '\u2028'
                        || c == '\u2029'
                        || (c >= '\u202a' && c <= '\u202e')
                        || (c >= '\u2066' && c <= '\u2069')) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
