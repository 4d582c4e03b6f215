package dev.connectx.adapters.connect.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.application.testing.SeededMutator;
import dev.connectx.domain.EventType;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.TaskId;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Mutated purchase requests into the reader: each becomes an event or is refused with
 * {@link MalformedRequestException} or {@link InvalidEventException} naming a field; an event keeps the text unchanged.
 */
class RequestReaderFuzzTest {

    private static final List<String> CORPUS = List.of(
            PurchaseRequestJson.of(
                    "PR-1234-5678-9012-001",
                    "pending",
                    "2023-01-18T10:02:13+00:00",
                    "AS-1234-5678-9012",
                    "PRD-123-456-789"),
            PurchaseRequestJson.of(
                    "PR-0000-0000-0000-002",
                    "revoked",
                    "2026-11-27T23:59:59.999-05:00",
                    "AS-0000-0000-0000",
                    "PRD-000-000-000"),
            "{\"id\":\"PR-1\",\"status\":\"approved\",\"updated\":\"2023-01-18T10:02:13Z\",\"asset\":{\"id\":\"AS-1\",\"product\":{\"id\":\"PRD-1\"}}}");

    private final RequestReader reader = new RequestReader(new ObjectMapper(), Clock.systemUTC());

    @Test
    void mutated_requests_become_events_or_are_refused_naming_the_problem() {
        EventType type = EventType.ASSET_PURCHASE_REQUEST_PROCESSING;
        Map<String, Integer> outcomes = SeededMutator.fuzz("RequestReader.read", CORPUS, request -> {
            try {
                assertEquals(
                        request,
                        reader.read(type, request, Optional.of(new TaskId("TQ-1")))
                                .request()
                                .json(),
                        "kept unchanged");
                return "event";
            } catch (MalformedRequestException e) {
                return "malformed";
            } catch (InvalidEventException e) {
                assertTrue(e.field() != null && !e.field().isBlank(), "the field is named: " + e.getMessage());
                return "invalid";
            }
        });
        assertEquals(3, outcomes.size(), "the mutations reach every outcome: " + outcomes);
    }
}
