package dev.connectx.mongo.document;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.testing.PurchaseRequestJson;
import dev.connectx.application.testing.SeededMutator;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.SubscriptionEvent;
import java.util.List;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

/**
 * Mutated payloads into the event-to-document mapping: each is encoded, with the fields a query needs, or
 * refused with {@link EventRejectedException} saying why; nothing else escapes.
 */
class SubscriptionEventDocumentsFuzzTest {

    private static final List<String> CORPUS = List.of(
            PurchaseRequestJson.of("PR-1234-5678-9012-001", "pending", "2023-01-18T10:02:13+00:00", "AS-1234-5678-9012", "PRD-123-456-789"),
            "{\"a.b\":{\"$oid\":\"x\"},\"$where\":[1,2.5,true,null,{\"\":\"\"}],\"n\":99999999999999999999999}");

    @Test
    void mutated_payloads_are_encoded_or_refused_with_a_reason() {
        long seed = SeededMutator.seed();
        SeededMutator mutator = new SeededMutator(seed, CORPUS);
        int encoded = 0;
        int refused = 0;
        int notAPayload = 0;
        long started = System.nanoTime();
        for (int i = 0; i < SeededMutator.EXECUTIONS; i++) {
            String payload = mutator.next();
            SubscriptionEvent event;
            try {
                event = aPurchaseEvent().withPayload(payload).build();
            } catch (InvalidEventException e) {
                notAPayload++; // not even the shape of an object: the domain refuses it before any mapping
                continue;
            }
            try {
                RawBsonDocument document = SubscriptionEventDocuments.toDocument(event);
                assertEquals(event.key().value(), document.getString("_id").getValue());
                assertTrue(document.containsKey("request"));
                encoded++;
            } catch (EventRejectedException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                refused++;
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ", input " + i + ": " + e + " for payload: " + payload, e);
            }
        }
        System.out.printf("fuzz SubscriptionEventDocuments.toDocument: %d executions (seed %d): %d encoded, %d refused, %d not an object, %d ms%n",
                SeededMutator.EXECUTIONS, seed, encoded, refused, notAPayload, (System.nanoTime() - started) / 1_000_000);
        assertTrue(encoded > 0 && refused > 0, "the mutations reach both sides");
    }
}
