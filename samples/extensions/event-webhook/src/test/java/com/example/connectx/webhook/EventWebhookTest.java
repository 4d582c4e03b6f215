package com.example.connectx.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connectx.extension.Event;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventWebhookTest {

    @Test
    void a_line_is_one_json_object_without_the_request_and_escaped() {
        Event event = new Event(
                "tier_config_setup_request_processing",
                "TCR-1",
                "pending",
                "TC-1",
                "PRD-\"1\"\n",
                Instant.parse("2026-01-01T00:00:00Z"),
                Optional.empty(),
                "{\"secret\":\"customer data\"}");

        assertEquals(
                "{\"type\":\"tier_config_setup_request_processing\",\"request\":\"TCR-1\",\"status\":\"pending\","
                        + "\"subject\":\"TC-1\",\"product\":\"PRD-\\\"1\\\"\\u000a\","
                        + "\"updated\":\"2026-01-01T00:00:00Z\",\"repeat\":true}",
                EventWebhook.line(event, true));
    }
}
