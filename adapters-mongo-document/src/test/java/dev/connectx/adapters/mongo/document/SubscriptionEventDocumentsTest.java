package dev.connectx.adapters.mongo.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.connectx.application.testing.SubscriptionEventFixtures;
import dev.connectx.domain.EventSource;
import dev.connectx.domain.EventType;
import dev.connectx.domain.SubscriptionEvent;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** The document's fields that a reader of the collection relies on, beyond what the store contract reads back. */
class SubscriptionEventDocumentsTest {

    @Test
    void a_document_says_its_source_and_one_written_before_sources_were_kept_reads_as_live() {
        SubscriptionEvent event = SubscriptionEventFixtures.aPurchaseEvent().build();
        BsonDocument document =
                SubscriptionEventDocuments.toDocument(event).decode(new org.bson.codecs.BsonDocumentCodec());

        assertEquals(
                "task", document.getString(SubscriptionEventDocuments.SOURCE).getValue());
        document.remove(SubscriptionEventDocuments.SOURCE);
        assertEquals(
                EventSource.TASK, SubscriptionEventDocuments.toEvent(document).source());
    }

    @Test
    void a_tier_configuration_request_keeps_its_configuration_fields_and_no_asset() {
        BsonDocument document = SubscriptionEventDocuments.toDocument(
                        SubscriptionEventFixtures.anEvent(EventType.TIER_CONFIG_SETUP_REQUEST_PROCESSING)
                                .build())
                .decode(new org.bson.codecs.BsonDocumentCodec());

        assertEquals(
                "tier_config_setup_request_processing",
                document.getString("event_type").getValue());
        assertEquals("TC-195-110-021", document.getString("tier_config_id").getValue());
        assertEquals("TA-1208-1373-1762", document.getString("account_id").getValue());
        assertEquals(1, document.getInt32("tier_level").getValue());
        assertEquals("processing", document.getString("config_status").getValue());
        assertEquals(false, document.containsKey("asset_id"));
    }
}
