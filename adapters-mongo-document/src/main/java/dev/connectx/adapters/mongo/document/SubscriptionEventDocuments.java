package dev.connectx.adapters.mongo.document;

import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.domain.AccountId;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.AssetSubject;
import dev.connectx.domain.EventSource;
import dev.connectx.domain.EventType;
import dev.connectx.domain.ProductId;
import dev.connectx.domain.ReportedStatus;
import dev.connectx.domain.RequestFamily;
import dev.connectx.domain.RequestId;
import dev.connectx.domain.RequestPayload;
import dev.connectx.domain.Subject;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import dev.connectx.domain.TaskId;
import dev.connectx.domain.TierConfigId;
import dev.connectx.domain.TierConfigSubject;
import java.time.Instant;
import java.util.Optional;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;

/**
 * The document a subscription event becomes in MongoDB, the same for every store, and back.
 *
 * <pre>{@code
 * { _id: "PR-…/pending/2023-01-18T10:02:13Z", event_type, request_id, status,
 *   asset_id, asset_status (when reported)                                    (asset requests)
 *   tier_config_id, account_id, tier_level, config_status (when reported)     (tier configuration requests)
 *   product_id, updated: Date, received_at: Date, task_id (when known), source: "task" | "backfill",
 *   request: { …the request, unchanged… } }
 * }</pre>
 */
public final class SubscriptionEventDocuments {

    /** MongoDB's maximum BSON document size. */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

    public static final String ID = "_id";
    public static final String EVENT_TYPE = "event_type";
    public static final String REQUEST_ID = "request_id";
    public static final String STATUS = "status";
    public static final String ASSET_ID = "asset_id";
    public static final String ASSET_STATUS = "asset_status";
    public static final String TIER_CONFIG_ID = "tier_config_id";
    public static final String ACCOUNT_ID = "account_id";
    public static final String TIER_LEVEL = "tier_level";
    public static final String CONFIG_STATUS = "config_status";
    public static final String PRODUCT_ID = "product_id";
    public static final String UPDATED = "updated";
    public static final String RECEIVED_AT = "received_at";
    public static final String TASK_ID = "task_id";
    /** {@code task} or {@code backfill}; a document written before sources were kept has none and was live. */
    public static final String SOURCE = "source";

    public static final String REQUEST = "request";

    /** Room for the fields beside the request: ids, statuses, dates, names. */
    private static final int HEADER_BYTES = 512;

    private SubscriptionEventDocuments() {}

    /**
     * Encodes the event once, ready to send: written straight into one buffer sized for it, its request parsed from
     * the JSON text as it is written, with no intermediate tree.
     *
     * @throws EventRejectedException when the payload is not storable or the document exceeds 16 MiB
     */
    public static RawBsonDocument toDocument(SubscriptionEvent event) {
        String json = event.request().json();
        BasicOutputBuffer buffer = new BasicOutputBuffer(json.length() + HEADER_BYTES);
        try (BsonBinaryWriter out = new BsonBinaryWriter(buffer)) {
            out.writeStartDocument();
            out.writeString(ID, event.key().value());
            out.writeString(EVENT_TYPE, event.type().wireName());
            out.writeString(REQUEST_ID, event.requestId().value());
            out.writeString(STATUS, event.status().wireName());
            writeSubject(out, event.subject());
            out.writeDateTime(UPDATED, event.updated().toEpochMilli());
            out.writeDateTime(RECEIVED_AT, event.receivedAt().toEpochMilli());
            event.taskId().ifPresent(taskId -> out.writeString(TASK_ID, taskId.value()));
            out.writeString(SOURCE, event.source().wireName());
            out.writeName(REQUEST);
            JsonBson.write(json, out);
            out.writeEndDocument();
        } catch (org.bson.BsonSerializationException e) {
            throw new EventRejectedException("the request cannot be encoded as BSON: " + e.getMessage());
        }
        int size = buffer.getPosition();
        if (size > MAX_DOCUMENT_BYTES) {
            throw new EventRejectedException("the stored document would be " + size + " bytes, over MongoDB's 16 MiB ("
                    + MAX_DOCUMENT_BYTES + " bytes) document limit");
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, size);
    }

    /** Reads back a document written by {@link #toDocument}; empty (and counted) for a document that is not one. */
    public static Optional<SubscriptionEvent> readEvent(BsonDocument document) {
        try {
            return Optional.of(toEvent(document));
        } catch (RuntimeException notAnEvent) {
            UnreadableDocuments.skipped(document, notAnEvent);
            return Optional.empty();
        }
    }

    /** The summary of a document written by {@link #toDocument} (with or without its request); empty for one that is not. */
    public static Optional<SubscriptionEventSummary> readSummary(BsonDocument document) {
        try {
            return Optional.of(toSummary(document));
        } catch (RuntimeException notAnEvent) {
            UnreadableDocuments.skipped(document, notAnEvent);
            return Optional.empty();
        }
    }

    /** Reads back a document written by {@link #toDocument}; throws for one that is not. */
    public static SubscriptionEvent toEvent(BsonDocument document) {
        SubscriptionEventSummary summary = toSummary(document);
        return new SubscriptionEvent(
                summary.type(),
                summary.requestId(),
                summary.status(),
                summary.subject(),
                summary.updated(),
                new RequestPayload(JsonBson.toJson(document.getDocument(REQUEST))),
                summary.receivedAt(),
                summary.taskId(),
                summary.source());
    }

    private static void writeSubject(BsonWriter out, Subject subject) {
        switch (subject) {
            case AssetSubject asset -> {
                out.writeString(ASSET_ID, asset.assetId().value());
                asset.assetStatus().ifPresent(status -> out.writeString(ASSET_STATUS, status.value()));
            }
            case TierConfigSubject config -> {
                out.writeString(TIER_CONFIG_ID, config.tierConfigId().value());
                out.writeString(ACCOUNT_ID, config.accountId().value());
                config.tierLevel().ifPresent(level -> out.writeInt32(TIER_LEVEL, level));
                config.configStatus().ifPresent(status -> out.writeString(CONFIG_STATUS, status.value()));
            }
        }
        out.writeString(PRODUCT_ID, subject.productId().value());
    }

    private static Subject readSubject(EventType type, BsonDocument document) {
        ProductId product = new ProductId(document.getString(PRODUCT_ID).getValue());
        if (type.family() == RequestFamily.ASSET_REQUEST) {
            return new AssetSubject(
                    new AssetId(document.getString(ASSET_ID).getValue()), product, reported(document, ASSET_STATUS));
        }
        return new TierConfigSubject(
                new TierConfigId(document.getString(TIER_CONFIG_ID).getValue()),
                new AccountId(document.getString(ACCOUNT_ID).getValue()),
                product,
                document.containsKey(TIER_LEVEL)
                        ? Optional.of(document.getNumber(TIER_LEVEL).intValue())
                        : Optional.empty(),
                reported(document, CONFIG_STATUS));
    }

    private static Optional<ReportedStatus> reported(BsonDocument document, String field) {
        return Optional.ofNullable(document.getString(field, null)).map(value -> new ReportedStatus(value.getValue()));
    }

    private static SubscriptionEventSummary toSummary(BsonDocument document) {
        EventType type = EventType.fromWireName(document.getString(EVENT_TYPE).getValue());
        return new SubscriptionEventSummary(
                type,
                new RequestId(document.getString(REQUEST_ID).getValue()),
                type.status(document.getString(STATUS).getValue()),
                readSubject(type, document),
                Instant.ofEpochMilli(document.getDateTime(UPDATED).getValue()),
                Instant.ofEpochMilli(document.getDateTime(RECEIVED_AT).getValue()),
                Optional.ofNullable(document.getString(TASK_ID, null)).map(id -> new TaskId(id.getValue())),
                EventSource.fromWireName(Optional.ofNullable(document.getString(SOURCE, null))
                        .map(BsonString::getValue)
                        .orElse(null)));
    }
}
