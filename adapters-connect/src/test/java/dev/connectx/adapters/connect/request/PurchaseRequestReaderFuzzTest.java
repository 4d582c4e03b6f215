package dev.connectx.adapters.connect.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectx.application.testing.PurchaseRequestJson;
import dev.connectx.application.testing.SeededMutator;
import dev.connectx.domain.EventType;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.TaskId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Mutated purchase requests into the reader: each becomes an event or is refused with
 * {@link MalformedRequestException} or {@link InvalidEventException} naming a field; an event keeps the text unchanged.
 */
class PurchaseRequestReaderFuzzTest {

    private static final List<String> CORPUS = List.of(
            PurchaseRequestJson.of("PR-1234-5678-9012-001", "pending", "2023-01-18T10:02:13+00:00", "AS-1234-5678-9012", "PRD-123-456-789"),
            PurchaseRequestJson.of("PR-0000-0000-0000-002", "revoked", "2026-11-27T23:59:59.999-05:00", "AS-0000-0000-0000", "PRD-000-000-000"),
            "{\"id\":\"PR-1\",\"status\":\"approved\",\"updated\":\"2023-01-18T10:02:13Z\",\"asset\":{\"id\":\"AS-1\",\"product\":{\"id\":\"PRD-1\"}}}");

    private final PurchaseRequestReader reader = new PurchaseRequestReader(new ObjectMapper(), Clock.systemUTC());

    @Test
    void mutated_requests_become_events_or_are_refused_naming_the_problem() {
        long seed = SeededMutator.seed();
        SeededMutator mutator = new SeededMutator(seed, CORPUS);
        int events = 0;
        int malformed = 0;
        int invalid = 0;
        long started = System.nanoTime();
        EventType type = new EventType("asset_purchase_request_processing");
        for (int i = 0; i < SeededMutator.EXECUTIONS; i++) {
            String request = mutator.next();
            try {
                SubscriptionEvent event = reader.read(type, request, Optional.of(new TaskId("TQ-1")));
                assertEquals(request, event.request().json(), "the text is kept unchanged");
                events++;
            } catch (MalformedRequestException e) {
                malformed++;
            } catch (InvalidEventException e) {
                assertTrue(e.field() != null && !e.field().isBlank(), "the field is named: " + e.getMessage());
                invalid++;
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", input " + i + ": " + e + " for request: " + request, e);
            }
        }
        System.out.printf("fuzz PurchaseRequestReader.read: %d executions (seed %d): %d events, %d malformed, %d invalid, %d ms%n",
                SeededMutator.EXECUTIONS, seed, events, malformed, invalid, (System.nanoTime() - started) / 1_000_000);
        assertTrue(events > 0 && malformed > 0 && invalid > 0, "the mutations reach every outcome");
    }
}
