package dev.connectx.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTest {

    private static Event event(String type) {
        return new Event(
                type,
                "PR-1",
                "pending",
                "AS-1",
                "PRD-1",
                Instant.parse("2026-01-01T00:00:00Z"),
                Optional.of("TQ-1"),
                "{\"customer\":\"secret@example.com\"}");
    }

    @Test
    void its_text_leaves_the_request_out() {
        String text = event("asset_purchase_request_processing").toString();
        assertTrue(text.contains("PR-1") && text.contains("pending") && text.contains("task=TQ-1"), text);
        assertFalse(text.contains("secret@example.com"), text);
    }

    @Test
    void it_knows_a_tier_configuration_request() {
        assertTrue(event("tier_config_setup_request_processing").isTierConfigRequest());
        assertFalse(event("asset_purchase_request_processing").isTierConfigRequest());
        assertThrows(NullPointerException.class, () -> event(null));
    }

    @Test
    void a_handler_declares_nothing_but_handle() {
        EventHandler handler = (event, context) -> HandlerResult.done();
        assertEquals(Set.of(), handler.eventTypes());
        assertEquals(0, handler.order());
        assertEquals("", handler.settingsPrefix());
    }

    @Test
    void a_required_setting_that_is_missing_is_named_with_its_prefix() {
        Settings settings = new Settings() {
            @Override
            public String prefix() {
                return "APPROVE_";
            }

            @Override
            public Optional<String> get(String name) {
                return name.equals("SET") ? Optional.of("x") : Optional.empty();
            }
        };
        assertEquals("x", settings.require("SET"));
        IllegalStateException missing =
                assertThrows(IllegalStateException.class, () -> settings.require("TEMPLATE_ID"));
        assertEquals("the setting APPROVE_TEMPLATE_ID is not set", missing.getMessage());
    }
}
