package dev.connectx.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.logcontext.LogContext;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLineFormatterTest {

    private final JsonLineFormatter formatter = new JsonLineFormatter();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_record_is_one_json_object_on_one_line_with_the_task_it_belongs_to() throws Exception {
        LogRecord record = new LogRecord(Level.WARNING, "Task {0}: \"{1}\"");
        record.setLoggerName("dev.connectx.adapters.connect.runtime.TaskRunner");
        record.setInstant(Instant.parse("2026-12-01T10:00:00.123Z"));
        record.setParameters(new Object[] {"TQ-1", "a\nforged\u0000\u2028line\\"});
        String line;
        try (LogContext.Scope task = LogContext.with(
                "task_id", "TQ-1", "event_type", "asset_purchase_request_processing", "request_id", "PR-1")) {
            line = formatter.format(record);
        }

        assertEquals(1, line.lines().count(), line);
        assertTrue(line.endsWith("}\n"));
        JsonNode parsed = json.readTree(line);
        assertEquals("2026-12-01T10:00:00.123Z", parsed.path("time").asText());
        assertEquals("WARNING", parsed.path("level").asText());
        assertEquals(
                "dev.connectx.adapters.connect.runtime.TaskRunner",
                parsed.path("logger").asText());
        assertEquals(
                "Task TQ-1: \"a\nforged\u0000\u2028line\\\"",
                parsed.path("message").asText());
        assertEquals("TQ-1", parsed.path("task_id").asText());
        assertEquals(
                "asset_purchase_request_processing", parsed.path("event_type").asText());
        assertEquals("PR-1", parsed.path("request_id").asText());
    }

    @Test
    void a_failure_carries_its_stack_trace_in_error_and_stays_on_one_line() throws Exception {
        LogRecord record = new LogRecord(Level.SEVERE, "store failed");
        record.setLoggerName("x");
        record.setThrown(new IllegalStateException("outer", new IllegalArgumentException("inner")));

        String line = formatter.format(record);

        assertEquals(1, line.lines().count(), line);
        JsonNode parsed = json.readTree(line);
        assertEquals("ERROR", parsed.path("level").asText());
        assertTrue(parsed.path("error").asText().contains("Caused by: java.lang.IllegalArgumentException: inner"));
        assertTrue(parsed.path("task_id").isMissingNode(), "no task outside one");
    }
}
