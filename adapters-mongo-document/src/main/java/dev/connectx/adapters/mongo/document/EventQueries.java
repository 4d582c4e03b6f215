package dev.connectx.adapters.mongo.document;

import static dev.connectx.adapters.mongo.document.SubscriptionEventDocuments.ACCOUNT_ID;
import static dev.connectx.adapters.mongo.document.SubscriptionEventDocuments.ASSET_ID;
import static dev.connectx.adapters.mongo.document.SubscriptionEventDocuments.EVENT_TYPE;
import static dev.connectx.adapters.mongo.document.SubscriptionEventDocuments.ID;
import static dev.connectx.adapters.mongo.document.SubscriptionEventDocuments.PRODUCT_ID;
import static dev.connectx.adapters.mongo.document.SubscriptionEventDocuments.RECEIVED_AT;
import static dev.connectx.adapters.mongo.document.SubscriptionEventDocuments.REQUEST;
import static dev.connectx.adapters.mongo.document.SubscriptionEventDocuments.REQUEST_ID;
import static dev.connectx.adapters.mongo.document.SubscriptionEventDocuments.STATUS;
import static dev.connectx.adapters.mongo.document.SubscriptionEventDocuments.TIER_CONFIG_ID;
import static dev.connectx.adapters.mongo.document.SubscriptionEventDocuments.UPDATED;

import dev.connectx.application.port.out.EventCounts;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.domain.AssetId;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.EventType;
import dev.connectx.domain.RequestStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/** An {@link EventQuery} as MongoDB's filter and sort documents, the same for the driver and the Data API. */
public final class EventQueries {

    private EventQueries() {}

    /**
     * What a document needs to be read as an event: connectx's fields with their types, an event type and a status
     * connectx knows, and an asset or a tier configuration. Every query selects only such documents, so that a
     * foreign document in the collection is never read.
     */
    public static BsonDocument readable() {
        BsonArray statuses = new BsonArray();
        for (RequestStatus status : RequestStatus.values()) {
            statuses.add(new BsonString(status.wireName()));
        }
        BsonArray types = new BsonArray();
        for (EventType eventType : EventType.values()) {
            types.add(new BsonString(eventType.wireName()));
        }
        BsonArray subjects = new BsonArray(List.of(
                new BsonDocument(ASSET_ID, type("string")),
                new BsonDocument(TIER_CONFIG_ID, type("string")).append(ACCOUNT_ID, type("string"))));
        return new BsonDocument(ID, type("string"))
                .append(EVENT_TYPE, new BsonDocument("$in", types))
                .append(REQUEST_ID, type("string"))
                .append(STATUS, new BsonDocument("$in", statuses))
                .append("$or", subjects)
                .append(PRODUCT_ID, type("string"))
                .append(UPDATED, type("date"))
                .append(RECEIVED_AT, type("date"))
                .append(REQUEST, type("object"));
    }

    /** Leaves the request out: lists carry summaries, whatever a request weighs. */
    public static BsonDocument summaryProjection() {
        return new BsonDocument(REQUEST, new BsonInt32(0));
    }

    /** The filter for the query's conditions on readable documents, {@code after} included when {@code withPosition}. */
    public static BsonDocument filter(EventQuery query, boolean withPosition) {
        List<BsonValue> conditions = new ArrayList<>();
        conditions.add(readable());
        query.requestId().ifPresent(id -> conditions.add(new BsonDocument(REQUEST_ID, new BsonString(id.value()))));
        query.subjectId()
                .ifPresent(id -> conditions.add(new BsonDocument(
                        id instanceof AssetId ? ASSET_ID : TIER_CONFIG_ID, new BsonString(id.value()))));
        query.eventType()
                .ifPresent(eventType ->
                        conditions.add(new BsonDocument(EVENT_TYPE, new BsonString(eventType.wireName()))));
        query.status().ifPresent(status -> conditions.add(new BsonDocument(STATUS, new BsonString(status.wireName()))));
        query.updatedSince()
                .ifPresent(since -> conditions.add(
                        new BsonDocument(UPDATED, new BsonDocument("$gte", new BsonDateTime(since.toEpochMilli())))));
        if (withPosition) {
            query.after().ifPresent(after -> conditions.add(after(after, query.order())));
        }
        return conditions.size() == 1
                ? conditions.getFirst().asDocument()
                : new BsonDocument("$and", new BsonArray(conditions));
    }

    private static BsonDocument type(String alias) {
        return new BsonDocument("$type", new BsonString(alias));
    }

    /** Updated, then key: ascending for oldest first, descending for newest first. */
    public static BsonDocument sort(EventQuery query) {
        BsonInt32 direction = new BsonInt32(query.order() == EventQuery.Order.OLDEST_FIRST ? 1 : -1);
        return new BsonDocument(UPDATED, direction).append(ID, direction);
    }

    /** Events after the position in the query's order: a later (earlier) update, or the same one with a greater (smaller) key. */
    private static BsonDocument after(EventKey position, EventQuery.Order order) {
        String beyond = order == EventQuery.Order.OLDEST_FIRST ? "$gt" : "$lt";
        BsonDateTime updated = new BsonDateTime(position.updated().toEpochMilli());
        return new BsonDocument(
                "$or",
                new BsonArray(List.of(
                        new BsonDocument(UPDATED, new BsonDocument(beyond, updated)),
                        new BsonDocument(UPDATED, updated)
                                .append(ID, new BsonDocument(beyond, new BsonString(position.value()))))));
    }

    /** The counts from {@link #countByTypeAndStatusPipeline()}'s answer; a type or status connectx does not know is left out. */
    public static EventCounts eventCounts(List<BsonDocument> groups) {
        Map<EventType, Map<RequestStatus, Long>> counts = new EnumMap<>(EventType.class);
        for (BsonDocument group : groups) {
            BsonValue id = group.get(ID);
            BsonValue count = group.get("count");
            if (id == null || !id.isDocument() || count == null || !count.isNumber()) {
                continue;
            }
            BsonValue type = id.asDocument().get(EVENT_TYPE);
            BsonValue status = id.asDocument().get(STATUS);
            if (type == null || !type.isString() || status == null || !status.isString()) {
                continue;
            }
            EventType.find(type.asString().getValue()).ifPresent(eventType -> {
                try {
                    counts.computeIfAbsent(eventType, t -> new EnumMap<>(RequestStatus.class))
                            .merge(
                                    eventType.status(status.asString().getValue()),
                                    count.asNumber().longValue(),
                                    Long::sum);
                } catch (RuntimeException notAStatus) {
                    // someone else's document in the collection
                }
            });
        }
        return new EventCounts(counts);
    }

    /** Counts the readable documents by event type and status. */
    public static List<BsonDocument> countByTypeAndStatusPipeline() {
        return List.of(
                new BsonDocument("$match", readable()),
                new BsonDocument(
                        "$group",
                        new BsonDocument(
                                        ID,
                                        new BsonDocument(EVENT_TYPE, new BsonString("$" + EVENT_TYPE))
                                                .append(STATUS, new BsonString("$" + STATUS)))
                                .append("count", new BsonDocument("$sum", new BsonInt32(1)))));
    }
}
