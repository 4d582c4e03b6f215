package dev.connectx.adapters.mongo.driver;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.connectx.adapters.mongo.document.SubscriptionEventDocuments;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonDocument;
import reactor.core.publisher.Mono;

/**
 * The indexes the read side's queries need ({@code request_id_updated}, {@code asset_id_updated},
 * {@code tier_config_id_updated}, {@code event_type_updated}), created in the
 * background: at open, and again after each save until once it worked. Saving never waits for them.
 */
final class QueryIndexes {

    private static final System.Logger LOG = System.getLogger(QueryIndexes.class.getName());

    private static final List<IndexModel> INDEXES = List.of(
            new IndexModel(
                    Indexes.ascending(SubscriptionEventDocuments.REQUEST_ID, SubscriptionEventDocuments.UPDATED),
                    new IndexOptions().name("request_id_updated")),
            new IndexModel(
                    Indexes.compoundIndex(
                            Indexes.ascending(SubscriptionEventDocuments.ASSET_ID),
                            Indexes.descending(SubscriptionEventDocuments.UPDATED)),
                    new IndexOptions().name("asset_id_updated")),
            new IndexModel(
                    Indexes.compoundIndex(
                            Indexes.ascending(SubscriptionEventDocuments.TIER_CONFIG_ID),
                            Indexes.descending(SubscriptionEventDocuments.UPDATED)),
                    new IndexOptions().name("tier_config_id_updated").sparse(true)),
            new IndexModel(
                    Indexes.ascending(SubscriptionEventDocuments.EVENT_TYPE, SubscriptionEventDocuments.UPDATED),
                    new IndexOptions().name("event_type_updated")));

    private final MongoCollection<BsonDocument> collection;
    private final String name;
    private final Duration timeout;
    private final AtomicBoolean ensured = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Completes when no creation is under way; a close waits for it, since the driver logs errors for calls it cuts. */
    private volatile CompletableFuture<Void> creation = CompletableFuture.completedFuture(null);

    QueryIndexes(MongoCollection<BsonDocument> collection, String name, Duration timeout) {
        this.collection = collection;
        this.name = name;
        this.timeout = timeout;
    }

    /** Starts creating the indexes unless done or under way; never blocks the caller. */
    void ensure() {
        if (ensured.get() || !running.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Void> thisCreation = new CompletableFuture<>();
        creation = thisCreation;
        Mono.from(collection.createIndexes(INDEXES))
                .timeout(timeout)
                .subscribe(
                        created -> {
                            ensured.set(true);
                            running.set(false);
                            thisCreation.complete(null);
                        },
                        failure -> {
                            // Saving does not need the indexes; queries do. The next successful save tries again.
                            running.set(false);
                            thisCreation.complete(null);
                            LOG.log(
                                    Level.WARNING,
                                    "Could not create the indexes of {0} yet: {1}",
                                    name,
                                    MongoFailures.translate(failure).getMessage());
                        });
    }

    /** Whether the indexes exist (created here or found in place). */
    boolean ready() {
        return ensured.get();
    }

    /** Waits up to {@code limit} for a creation under way. */
    void awaitIdle(Duration limit) {
        try {
            creation.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closed anyway
        }
    }
}
