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

    @Test
    void every_kind_of_json_value_becomes_its_bson_type_and_reads_back_as_the_same_text() {
        String payload = "{\"id\":\"PR-1\",\"small\":7,\"large\":9007199254740993,"
                + "\"huge\":123456789012345678901234567890,\"fraction\":2.5,\"yes\":true,\"no\":false,"
                + "\"nothing\":null,\"text\":\"caf\u00e9 \u2713\",\"$oid\":{\"a.b\":[1,[2,{}],\"x\"]}}";
        SubscriptionEvent event =
                SubscriptionEventFixtures.aPurchaseEvent().withPayload(payload).build();

        BsonDocument request = SubscriptionEventDocuments.toDocument(event)
                .decode(new org.bson.codecs.BsonDocumentCodec())
                .getDocument(SubscriptionEventDocuments.REQUEST);

        assertEquals(org.bson.BsonType.INT32, request.get("small").getBsonType());
        assertEquals(org.bson.BsonType.INT64, request.get("large").getBsonType());
        assertEquals(org.bson.BsonType.DECIMAL128, request.get("huge").getBsonType());
        assertEquals(org.bson.BsonType.DOUBLE, request.get("fraction").getBsonType());
        assertEquals(org.bson.BsonType.NULL, request.get("nothing").getBsonType());
        assertEquals("caf\u00e9 \u2713", request.getString("text").getValue());
        assertEquals(payload, JsonBson.toJson(request));
    }

    @Test
    void a_large_request_is_written_in_one_buffer_of_its_size() {
        String notes = "n".repeat(4 * 1024 * 1024);
        SubscriptionEvent event = SubscriptionEventFixtures.aPurchaseEvent()
                .withPayload("{\"id\":\"PR-1\",\"notes\":\"" + notes + "\"}")
                .build();

        org.bson.RawBsonDocument document = SubscriptionEventDocuments.toDocument(event);

        // sized from the text up front, the buffer never doubled: what it holds beyond the document is the slack
        // given for the fields beside the request, not another 4 MiB
        int slack = document.getByteBuffer().array().length
                - document.getByteBuffer().remaining();
        org.junit.jupiter.api.Assertions.assertTrue(slack < 4096, "slack " + slack);
        assertEquals(
                notes,
                document.getDocument(SubscriptionEventDocuments.REQUEST)
                        .getString("notes")
                        .getValue());
    }
}
