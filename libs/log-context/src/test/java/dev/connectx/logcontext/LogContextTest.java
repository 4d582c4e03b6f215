package dev.connectx.logcontext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LogContextTest {

    @Test
    void scopes_nest_and_each_close_restores_what_was_before() {
        try (LogContext.Scope task = LogContext.with("task_id", "TQ-1", "event_type", "purchase")) {
            try (LogContext.Scope request = LogContext.with("request_id", "PR-1", "ignored", null)) {
                assertEquals(
                        Map.of("task_id", "TQ-1", "event_type", "purchase", "request_id", "PR-1"),
                        LogContext.current());
            }
            assertEquals(Map.of("task_id", "TQ-1", "event_type", "purchase"), LogContext.current());
        }
        assertEquals(Map.of(), LogContext.current());
    }

    @Test
    void fields_belong_to_the_thread_that_set_them() throws Exception {
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        try (LogContext.Scope task = LogContext.with("task_id", "TQ-2")) {
            Thread other = Thread.ofVirtual().start(() -> seen.set(LogContext.current()));
            other.join();
        }
        assertEquals(Map.of(), seen.get());
    }

    @Test
    void names_and_values_come_in_pairs() {
        assertThrows(IllegalArgumentException.class, () -> LogContext.with("task_id"));
    }
}
