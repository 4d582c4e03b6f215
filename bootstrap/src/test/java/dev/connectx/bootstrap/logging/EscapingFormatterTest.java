package dev.connectx.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class EscapingFormatterTest {

    private final EscapingFormatter formatter = new EscapingFormatter();

    @Test
    void a_value_with_newlines_escapes_and_nul_stays_on_its_one_line() {
        LogRecord record = new LogRecord(Level.WARNING, "Task {0}: cannot read {1}");
        record.setLoggerName("dev.connectx.test");
        record.setParameters(
                new Object[] {"TQ-1", "key\n2026-12-01T00:00:00.000 INFO forged: \u001b[31mred\u0000\r\u2028\u202e"});

        String line = formatter.format(record);

        assertEquals(1, line.lines().count(), line);
        assertTrue(
                line.endsWith(
                        "Task TQ-1: cannot read key\\n2026-12-01T00:00:00.000 INFO forged: \\u001b[31mred\\u0000\\r\\u2028\\u202e\n"),
                line);
        assertTrue(
                line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARNING dev\\.connectx\\.test: .*\n"),
                line);
    }

    @Test
    void exception_messages_are_escaped_and_the_trace_keeps_its_frames_and_causes() {
        LogRecord record = new LogRecord(Level.SEVERE, "failed");
        record.setLoggerName("x");
        record.setThrown(
                new IllegalStateException("outer\nforged line", new IllegalArgumentException("inner\u001b[0m")));

        String text = formatter.format(record);

        assertTrue(text.contains("java.lang.IllegalStateException: outer\\nforged line\n\tat "), text);
        assertTrue(text.contains("\nCaused by: java.lang.IllegalArgumentException: inner\\u001b[0m\n\tat "), text);
        assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t'), text);
        assertTrue(
                text.lines().skip(2).allMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by: ")),
                text);
    }

    @Test
    void levels_print_by_the_names_people_expect_and_the_work_being_done_comes_last() {
        LogRecord record = new LogRecord(Level.SEVERE, "cannot store");
        record.setLoggerName("dev.connectx.test");
        String line;
        try (dev.connectx.logcontext.LogContext.Scope task =
                dev.connectx.logcontext.LogContext.with("task_id", "TQ-9", "request_id", "PR-1\nforged")) {
            line = formatter.format(record);
        }

        assertTrue(
                line.contains(" ERROR dev.connectx.test: cannot store task_id=TQ-9 request_id=PR-1\\nforged\n"), line);
        assertTrue(
                new EscapingFormatter().format(new LogRecord(Level.FINE, "x")).contains(" DEBUG "));
    }
}
