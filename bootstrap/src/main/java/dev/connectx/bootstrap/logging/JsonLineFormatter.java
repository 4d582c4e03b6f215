package dev.connectx.bootstrap.logging;

import dev.connectx.logcontext.LogContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object a line, for log shippers: {@code time} (UTC, ISO-8601), {@code level}, {@code logger},
 * {@code message}, then the fields of the work being done ({@code task_id}, {@code event_type}, {@code request_id}
 * during a Connect task) and {@code error} (the stack trace) when a record has one. Every string is JSON-escaped,
 * so a value from Connect or a request cannot break the line.
 */
public final class JsonLineFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "time", DateTimeFormatter.ISO_INSTANT.format(record.getInstant()));
        field(line.append(','), "level", LevelNames.of(record.getLevel()));
        field(line.append(','), "logger", record.getLoggerName());
        field(line.append(','), "message", formatMessage(record));
        for (Map.Entry<String, String> context : LogContext.current().entrySet()) {
            field(line.append(','), context.getKey(), context.getValue());
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            field(line.append(','), "error", trace.toString());
        }
        return line.append("}\n").toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        string(out, name);
        out.append(':');
        string(out, value);
    }

    private static void string(StringBuilder out, String value) {
        out.append('"');
        String text = value == null ? "" : value;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> EscapingFormatter.escape(c, out); // controls, separators, overrides: as the text log
            }
        }
        out.append('"');
    }
}
