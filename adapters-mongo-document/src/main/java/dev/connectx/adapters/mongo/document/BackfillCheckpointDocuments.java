package dev.connectx.adapters.mongo.document;

import dev.connectx.domain.BackfillCheckpoint;
import dev.connectx.domain.BackfillCounts;
import dev.connectx.domain.HistoryPosition;
import dev.connectx.domain.RequestFamily;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The document of a backfill's checkpoint and lease, one per {@code since} value, in a collection of its own, and the
 * filters and updates both stores send (the driver as commands, the Data API as action bodies).
 *
 * <pre>{@code
 * { _id: "since/2025-01-01T00:00:00Z", since: Date, finished: false,
 *   positions: { asset_request: { watermark: Date, seen_at_watermark: ["PR-…"], done, total, recorded,
 *                                 passed_over, malformed, finished }, tier_config_request: {…} },
 *   lease_holder: "<instance>/<uuid>" | null, lease_until: Date, saved_at: Date }
 * }</pre>
 */
public final class BackfillCheckpointDocuments {

    /** The collection, in the events' database, that holds the checkpoints. */
    public static final String COLLECTION = "connectx_backfill";

    private static final String ID = "_id";
    private static final String SINCE = "since";
    private static final String FINISHED = "finished";
    private static final String POSITIONS = "positions";
    private static final String LEASE_HOLDER = "lease_holder";
    private static final String LEASE_UNTIL = "lease_until";
    private static final String SAVED_AT = "saved_at";
    private static final String WATERMARK = "watermark";
    private static final String SEEN = "seen_at_watermark";

    private BackfillCheckpointDocuments() {}

    /** {@code {_id}} of the backfill since that instant. */
    public static BsonDocument byId(Instant since) {
        return new BsonDocument(ID, new BsonString("since/" + since));
    }

    /** Selects the checkpoint when its lease is free at {@code now} or held by {@code holder}. */
    public static BsonDocument leaseFree(Instant since, String holder, Instant now) {
        BsonArray free = new BsonArray();
        free.add(new BsonDocument(LEASE_HOLDER, new BsonString(holder)));
        free.add(new BsonDocument(LEASE_HOLDER, BsonNull.VALUE));
        free.add(new BsonDocument(LEASE_UNTIL, new BsonDocument("$lt", date(now))));
        return byId(since).append("$or", free);
    }

    /** Gives the lease to {@code holder} until {@code until}; an upsert creates the checkpoint with it. */
    public static BsonDocument takeLease(Instant since, String holder, Instant until) {
        return new BsonDocument(
                        "$set", new BsonDocument(LEASE_HOLDER, new BsonString(holder)).append(LEASE_UNTIL, date(until)))
                .append("$setOnInsert", new BsonDocument(SINCE, date(since)));
    }

    /** Selects the checkpoint when {@code holder} holds its lease. */
    public static BsonDocument heldBy(Instant since, String holder) {
        return byId(since).append(LEASE_HOLDER, new BsonString(holder));
    }

    /** Writes the positions and renews the lease until {@code until}. */
    public static BsonDocument save(BackfillCheckpoint checkpoint, Instant until, Instant now) {
        BsonDocument positions = new BsonDocument();
        checkpoint.positions().forEach((family, position) -> positions.append(name(family), position(position)));
        return new BsonDocument(
                "$set",
                new BsonDocument(SINCE, date(checkpoint.since()))
                        .append(FINISHED, BsonBoolean.valueOf(checkpoint.finished()))
                        .append(POSITIONS, positions)
                        .append(LEASE_UNTIL, date(until))
                        .append(SAVED_AT, date(now)));
    }

    /** Frees the lease. */
    public static BsonDocument releaseLease() {
        return new BsonDocument(
                "$set", new BsonDocument(LEASE_HOLDER, BsonNull.VALUE).append(LEASE_UNTIL, date(Instant.EPOCH)));
    }

    /**
     * The checkpoint a document holds. Empty when it holds no positions yet (only a lease) or cannot be read as a
     * checkpoint: the backfill then starts from {@code since} again, which repeats objects but loses none.
     */
    public static Optional<BackfillCheckpoint> fromDocument(Instant since, BsonDocument document) {
        BsonValue positions = document.get(POSITIONS);
        if (positions == null || !positions.isDocument()) {
            return Optional.empty();
        }
        try {
            Map<RequestFamily, HistoryPosition> read = new EnumMap<>(RequestFamily.class);
            for (RequestFamily family : RequestFamily.values()) {
                BsonValue position = positions.asDocument().get(name(family));
                if (position != null) {
                    read.put(family, position(position.asDocument()));
                }
            }
            return Optional.of(new BackfillCheckpoint(since, read));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static BsonDocument position(HistoryPosition position) {
        BsonArray seen = new BsonArray();
        position.seenAtWatermark().stream().sorted().forEach(id -> seen.add(new BsonString(id)));
        BackfillCounts counts = position.counts();
        return new BsonDocument(WATERMARK, date(position.watermark()))
                .append(SEEN, seen)
                .append("done", new BsonInt64(counts.done()))
                .append("total", new BsonInt64(counts.total()))
                .append("recorded", new BsonInt64(counts.recorded()))
                .append("passed_over", new BsonInt64(counts.passedOver()))
                .append("malformed", new BsonInt64(counts.malformed()))
                .append(FINISHED, BsonBoolean.valueOf(position.finished()));
    }

    private static HistoryPosition position(BsonDocument document) {
        Set<String> seen = new LinkedHashSet<>();
        document.getArray(SEEN).forEach(id -> seen.add(id.asString().getValue()));
        BackfillCounts counts = new BackfillCounts(
                count(document, "done"),
                count(document, "total"),
                count(document, "recorded"),
                count(document, "passed_over"),
                count(document, "malformed"));
        return new HistoryPosition(
                Instant.ofEpochMilli(document.getDateTime(WATERMARK).getValue()),
                seen,
                counts,
                document.getBoolean(FINISHED).getValue());
    }

    private static long count(BsonDocument document, String field) {
        return document.getNumber(field).longValue();
    }

    private static String name(RequestFamily family) {
        return family.name().toLowerCase(Locale.ROOT);
    }

    private static BsonDateTime date(Instant instant) {
        return new BsonDateTime(instant.toEpochMilli());
    }
}
