package dev.connectx.adapters.mongo.http;

import dev.connectx.adapters.mongo.document.BackfillCheckpointDocuments;
import dev.connectx.application.port.out.BackfillCheckpointStore;
import dev.connectx.domain.BackfillCheckpoint;
import dev.connectx.proxy.ProxyRules;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonBoolean;
import org.bson.BsonValue;

/**
 * Backfill checkpoints over the Data API, in {@value BackfillCheckpointDocuments#COLLECTION} of the events' database,
 * with the same documents and the same conditional upsert as the driver store: a {@code DuplicateKey} refusal of the
 * lease's upsert means another instance holds the lease.
 */
public final class DataApiBackfillCheckpointStore implements BackfillCheckpointStore {

    private final DataApiSettings settings;
    private final DataApiClient api;
    private final Clock clock;

    private DataApiBackfillCheckpointStore(DataApiSettings settings, ProxyRules proxies, Clock clock) {
        this.settings = settings.withCollection(BackfillCheckpointDocuments.COLLECTION);
        this.api = new DataApiClient(this.settings, proxies);
        this.clock = clock;
    }

    /** @param settings the events' settings: the checkpoints go to their database */
    public static DataApiBackfillCheckpointStore open(DataApiSettings settings) {
        return open(settings, ProxyRules.NONE);
    }

    /**
     * @param settings the events' settings: the checkpoints go to their database
     * @param proxies the proxy rules; the endpoint is reached through the one they name for it, if any
     */
    public static DataApiBackfillCheckpointStore open(DataApiSettings settings, ProxyRules proxies) {
        return new DataApiBackfillCheckpointStore(
                Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(proxies, "proxies"),
                Clock.systemUTC());
    }

    @Override
    public Optional<BackfillCheckpoint> load(Instant since) {
        DataApiReply reply =
                api.call("findOne", api.request().append("filter", BackfillCheckpointDocuments.byId(since)));
        if (!reply.isSuccess()) {
            throw reply.failure("findOne");
        }
        BsonValue document = reply.body().get("document");
        return document == null || !document.isDocument()
                ? Optional.empty()
                : BackfillCheckpointDocuments.fromDocument(since, document.asDocument());
    }

    @Override
    public boolean lease(Instant since, String holder, Instant now, Instant until) {
        DataApiReply reply = api.call(
                "updateOne",
                api.request()
                        .append("filter", BackfillCheckpointDocuments.leaseFree(since, holder, now))
                        .append("update", BackfillCheckpointDocuments.takeLease(since, holder, until))
                        .append("upsert", BsonBoolean.TRUE));
        if (reply.isDuplicateKey()) {
            return false;
        }
        return matched(reply, "updateOne") || reply.body().containsKey("upsertedId");
    }

    @Override
    public boolean save(BackfillCheckpoint checkpoint, String holder, Instant until) {
        return matched(
                api.call(
                        "updateOne",
                        api.request()
                                .append("filter", BackfillCheckpointDocuments.heldBy(checkpoint.since(), holder))
                                .append(
                                        "update",
                                        BackfillCheckpointDocuments.save(checkpoint, until, clock.instant()))),
                "updateOne");
    }

    @Override
    public void release(Instant since, String holder) {
        matched(
                api.call(
                        "updateOne",
                        api.request()
                                .append("filter", BackfillCheckpointDocuments.heldBy(since, holder))
                                .append("update", BackfillCheckpointDocuments.releaseLease())),
                "updateOne");
    }

    private static boolean matched(DataApiReply reply, String action) {
        if (!reply.isSuccess()) {
            throw reply.failure(action);
        }
        BsonValue matched = reply.body().get("matchedCount");
        return matched != null && matched.isNumber() && matched.asNumber().longValue() > 0;
    }

    @Override
    public void close() {
        // the Data API client holds nothing that needs closing
    }

    @Override
    public String toString() {
        return "backfill checkpoints in " + settings.database() + "." + settings.collection() + " over the Data API";
    }
}
