package dev.connectx.adapters.mongo.driver;

import static dev.connectx.adapters.mongo.driver.MongoCalls.await;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.connectx.adapters.mongo.document.BackfillCheckpointDocuments;
import dev.connectx.application.port.out.BackfillCheckpointStore;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.domain.BackfillCheckpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * Backfill checkpoints on the MongoDB Reactive Streams driver, in {@value BackfillCheckpointDocuments#COLLECTION} of
 * the events' database. A lease is taken with one conditional upsert: when another instance holds it, the filter
 * selects nothing and the upsert's insert meets the existing {@code _id}, a duplicate key, which means "held".
 */
public final class MongoDriverBackfillCheckpointStore implements BackfillCheckpointStore {

    private final MongoDriverSettings settings;
    private final SharedMongoClient client;
    private final MongoCollection<BsonDocument> collection;
    private final Clock clock;

    private MongoDriverBackfillCheckpointStore(MongoDriverSettings settings, SharedMongoClient client, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.clock = clock;
        this.collection = client.hold()
                .getDatabase(settings.database())
                .getCollection(BackfillCheckpointDocuments.COLLECTION, BsonDocument.class);
    }

    /** Opens the store on a shared client, which it holds until it closes. */
    public static MongoDriverBackfillCheckpointStore open(MongoDriverSettings settings, SharedMongoClient client) {
        Objects.requireNonNull(settings, "settings");
        if (!client.serves(settings)) {
            throw new IllegalArgumentException(client + " does not serve " + settings);
        }
        return new MongoDriverBackfillCheckpointStore(settings, client, Clock.systemUTC());
    }

    @Override
    public Optional<BackfillCheckpoint> load(Instant since) {
        BsonDocument document =
                await(collection.find(BackfillCheckpointDocuments.byId(since)).first(), settings.operationTimeout());
        return Optional.ofNullable(document).flatMap(found -> BackfillCheckpointDocuments.fromDocument(since, found));
    }

    @Override
    public boolean lease(Instant since, String holder, Instant now, Instant until) {
        try {
            UpdateResult result = await(
                    collection.updateOne(
                            BackfillCheckpointDocuments.leaseFree(since, holder, now),
                            BackfillCheckpointDocuments.takeLease(since, holder, until),
                            new UpdateOptions().upsert(true)),
                    settings.operationTimeout());
            return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        } catch (StoreUnavailableException e) {
            if (e.getCause() instanceof MongoWriteException write
                    && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean save(BackfillCheckpoint checkpoint, String holder, Instant until) {
        UpdateResult result = await(
                collection.updateOne(
                        BackfillCheckpointDocuments.heldBy(checkpoint.since(), holder),
                        BackfillCheckpointDocuments.save(checkpoint, until, clock.instant())),
                settings.operationTimeout());
        return result.getMatchedCount() > 0;
    }

    @Override
    public void release(Instant since, String holder) {
        await(
                collection.updateOne(
                        BackfillCheckpointDocuments.heldBy(since, holder), BackfillCheckpointDocuments.releaseLease()),
                settings.operationTimeout());
    }

    @Override
    public void close() {
        client.release();
    }

    @Override
    public String toString() {
        return "backfill checkpoints in " + settings.database() + "." + BackfillCheckpointDocuments.COLLECTION;
    }
}
