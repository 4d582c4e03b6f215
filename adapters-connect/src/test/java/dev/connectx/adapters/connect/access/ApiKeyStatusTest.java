package dev.connectx.adapters.connect.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.testing.support.RecordedLog;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyStatusTest {

    @Test
    void a_refusal_is_logged_once_naming_the_variable_and_its_form_and_never_the_key() {
        ApiKeyStatus status = new ApiKeyStatus("ApiKey SU-000-000-000:s3cr3tvalue");
        try (RecordedLog log = RecordedLog.ofConnectx()) {
            status.refused("the WebSocket upgrade", 401);
            status.refused("the WebSocket upgrade", 401);
            status.refused("GET /public/v1/requests", 403);

            List<String> errors = log.linesContaining("SEVERE");
            assertEquals(1, errors.size(), log.lines().toString());
            assertTrue(errors.get(0).contains("Connect refused API_KEY (HTTP 401 at the WebSocket upgrade)"));
            assertTrue(errors.get(0).contains("'ApiKey SU-…:…'"), errors.get(0));
            assertFalse(String.join("\n", log.lines()).contains("s3cr3tvalue"));
        }
        assertEquals(Optional.of("Connect refused API_KEY (HTTP 403 at GET /public/v1/requests)"), status.refusal());
    }

    @Test
    void a_key_not_of_the_expected_form_is_said_to_be_so() {
        ApiKeyStatus status = new ApiKeyStatus("s3cr3tvalue");
        try (RecordedLog log = RecordedLog.ofConnectx()) {
            status.refused("the WebSocket upgrade", 401);

            assertTrue(
                    log.lines().get(0).contains("the value set does not have that form"),
                    log.lines().toString());
        }
    }

    @Test
    void an_acceptance_clears_the_refusal_and_says_so_once() {
        ApiKeyStatus status = new ApiKeyStatus("ApiKey SU-1:k");
        try (RecordedLog log = RecordedLog.ofConnectx()) {
            status.accepted();
            status.refused("the WebSocket upgrade", 403);
            status.accepted();
            status.accepted();

            assertEquals(Optional.empty(), status.refusal());
            assertEquals(
                    1,
                    log.linesContaining("Connect accepts API_KEY again").size(),
                    log.lines().toString());
        }
    }
}
