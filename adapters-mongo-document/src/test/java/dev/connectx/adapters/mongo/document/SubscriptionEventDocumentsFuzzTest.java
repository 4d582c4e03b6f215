package dev.connectx.adapters.mongo.document;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.testing.SeededMutator;
import dev.connectx.domain.InvalidEventException;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.testing.support.PurchaseRequestJson;
import java.util.List;
import java.util.Map;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

/**
 * Mutated payloads into the event-to-document mapping: each is encoded, with the fields a query needs, or
 * refused with {@link EventRejectedException} saying why; nothing else escapes.
 */
class SubscriptionEventDocumentsFuzzTest {

    private static final List<String> CORPUS = List.of(
            PurchaseRequestJson.of(
                    "PR-1234-5678-9012-001",
                    "pending",
                    "2023-01-18T10:02:13+00:00",
                    "AS-1234-5678-9012",
                    "PRD-123-456-789"),
            "{\"a.b\":{\"$oid\":\"x\"},\"$where\":[1,2.5,true,null,{\"\":\"\"}],\"n\":99999999999999999999999}");

    @Test
    void mutated_payloads_are_encoded_or_refused_with_a_reason() {
        Map<String, Integer> outcomes = SeededMutator.fuzz("SubscriptionEventDocuments.toDocument", CORPUS, payload -> {
            SubscriptionEvent event;
            try {
                event = aPurchaseEvent().withPayload(payload).build();
            } catch (InvalidEventException e) {
                return "not an object"; // the domain refuses it before any mapping
            }
            try {
                RawBsonDocument document = SubscriptionEventDocuments.toDocument(event);
                assertEquals(event.key().value(), document.getString("_id").getValue());
                assertTrue(document.containsKey("request"));
                return "encoded";
            } catch (EventRejectedException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                return "refused";
            }
        });
        assertTrue(outcomes.containsKey("encoded") && outcomes.containsKey("refused"), outcomes.toString());
    }
}
