package dev.connectx.adapters.mongo.driver;

import com.mongodb.ConnectionString;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import dev.connectx.adapters.mongo.document.EventQueries;
import dev.connectx.mongo.groupcommit.GroupCommit;
import dev.connectx.mongo.groupcommit.Inserted;
import dev.connectx.adapters.mongo.document.SubscriptionEventDocuments;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.RawBsonDocument;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The subscription event store on the MongoDB Reactive Streams driver.
 *
 * <p>One {@link SharedMongoClient} (and so one connection pool) serves every store on the same MongoDB. Saving inserts a document
 * whose {@code _id} is the event key: a duplicate-key answer means the event was kept before, so redeliveries and
 * concurrent deliveries leave exactly one document, and nothing is ever overwritten. Concurrent saves share
 * unordered {@code insertMany} commands ({@link GroupCommit}); each is answered once its own document is
 * acknowledged.
 */
public final class MongoDriverSubscriptionEventStore implements SubscriptionEventStore {

    private static final System.Logger LOG = System.getLogger(MongoDriverSubscriptionEventStore.class.getName());
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    /** Batches of inserts on their way at once (see {@link GroupCommit}). */
    private static final int GROUP_COMMIT_COMMANDS = 4;

    /** How long a close waits for an index creation under way. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final MongoDriverSettings settings;
    private final SharedMongoClient client;
    private final MongoDatabase database;
    private final MongoCollection<BsonDocument> collection;
    private final GroupCommit groupCommit;
    private final AtomicBoolean indexesEnsured = new AtomicBoolean();
    private final AtomicBoolean indexCreationRunning = new AtomicBoolean();
    /** Completes when no index creation is under way; a close waits for it, since the driver logs errors for calls it cuts. */
    private volatile CompletableFuture<Void> indexCreation = CompletableFuture.completedFuture(null);

    private MongoDriverSubscriptionEventStore(MongoDriverSettings settings, SharedMongoClient client) {
        this.settings = settings;
        this.client = client;
        this.database = client.hold().getDatabase(settings.database());
        this.collection = database.getCollection(settings.collection(), BsonDocument.class);
        this.groupCommit = new GroupCommit(collection, GROUP_COMMIT_COMMANDS);
    }

    /**
     * Builds the client and starts creating the collection's indexes in the background. Does not fail when MongoDB
     * is down: the store reports itself unreachable, calls answer {@link StoreUnavailableException}, and the
     * indexes are created after the first save that reaches MongoDB.
     */
    public static MongoDriverSubscriptionEventStore open(MongoDriverSettings settings) {
        return open(settings, SharedMongoClient.create(Objects.requireNonNull(settings, "settings")));
    }

    /**
     * As {@link #open(MongoDriverSettings)}, on a client that others may share: the store holds it until it closes.
     *
     * @throws IllegalArgumentException when the client is for another MongoDB or another server selection timeout
     */
    public static MongoDriverSubscriptionEventStore open(MongoDriverSettings settings, SharedMongoClient client) {
        Objects.requireNonNull(settings, "settings");
        if (!client.serves(settings)) {
            throw new IllegalArgumentException(client + " does not serve " + settings);
        }
        MongoDriverSubscriptionEventStore store = new MongoDriverSubscriptionEventStore(settings, client);
        store.ensureIndexes();
        return store;
    }

    @Override
    public SaveResult save(SubscriptionEvent event) {
        RawBsonDocument document = SubscriptionEventDocuments.toDocument(event);
        SaveResult result;
        try {
            result = await(groupCommit.insert(document), settings.operationTimeout()) == Inserted.NEW
                    ? SaveResult.STORED : SaveResult.ALREADY_STORED;
        } catch (StoreCallFailed e) {
            throw MongoFailures.translate(e.getCause());
        }
        ensureIndexes();
        return result;
    }

    @Override
    public Optional<SubscriptionEvent> find(EventKey key) {
        try {
            BsonDocument document = await(collection.find(Filters.eq(SubscriptionEventDocuments.ID, key.value())).first(),
                    settings.operationTimeout());
            return Optional.ofNullable(document).flatMap(SubscriptionEventDocuments::readEvent);
        } catch (StoreCallFailed e) {
            throw MongoFailures.translate(e.getCause());
        }
    }

    @Override
    public List<SubscriptionEventSummary> summaries(EventQuery query) {
        try {
            List<BsonDocument> documents = await(Flux.from(collection.find(EventQueries.filter(query, true))
                    .projection(EventQueries.summaryProjection()).sort(EventQueries.sort(query)).limit(query.limit())).collectList(),
                    settings.operationTimeout());
            return documents.stream().flatMap(document -> SubscriptionEventDocuments.readSummary(document).stream()).toList();
        } catch (StoreCallFailed e) {
            throw MongoFailures.translate(e.getCause());
        }
    }

    @Override
    public long count(EventQuery query) {
        try {
            return await(collection.countDocuments(EventQueries.filter(query, false)), settings.operationTimeout());
        } catch (StoreCallFailed e) {
            throw MongoFailures.translate(e.getCause());
        }
    }

    @Override
    public Map<RequestStatus, Long> countByStatus() {
        try {
            List<BsonDocument> groups = await(Flux.from(collection.aggregate(EventQueries.countByStatusPipeline())).collectList(),
                    settings.operationTimeout());
            return EventQueries.statusCounts(groups);
        } catch (StoreCallFailed e) {
            throw MongoFailures.translate(e.getCause());
        }
    }

    @Override
    public long countUnreadable() {
        try {
            long all = await(collection.estimatedDocumentCount(), settings.operationTimeout());
            long readable = await(collection.countDocuments(EventQueries.readable()), settings.operationTimeout());
            return Math.max(0, all - readable);
        } catch (StoreCallFailed e) {
            throw MongoFailures.translate(e.getCause());
        }
    }

    @Override
    public boolean isReachable() {
        try {
            await(database.runCommand(new BsonDocument("ping", new BsonInt32(1))), PING_TIMEOUT);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "MongoDB driver store, collection " + settings.database() + "." + settings.collection() + " at "
                + hosts(settings.connectionString());
    }

    @Override
    public void close() {
        groupCommit.close();
        try {
            indexCreation.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closed anyway
        }
        client.release();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Creates the indexes in the background unless done or under way; never blocks the caller. */
    private void ensureIndexes() {
        if (indexesEnsured.get() || !indexCreationRunning.compareAndSet(false, true)) {
            return;
        }
        List<IndexModel> indexes = List.of(
                new IndexModel(Indexes.ascending(SubscriptionEventDocuments.REQUEST_ID, SubscriptionEventDocuments.UPDATED),
                        new IndexOptions().name("request_id_updated")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending(SubscriptionEventDocuments.ASSET_ID),
                        Indexes.descending(SubscriptionEventDocuments.UPDATED)), new IndexOptions().name("asset_id_updated")));
        CompletableFuture<Void> running = new CompletableFuture<>();
        indexCreation = running;
        Mono.from(collection.createIndexes(indexes)).timeout(settings.operationTimeout()).subscribe(
                created -> {
                    indexesEnsured.set(true);
                    indexCreationRunning.set(false);
                    running.complete(null);
                },
                failure -> {
                    // Saving does not need the indexes; queries do. The next successful save tries again.
                    indexCreationRunning.set(false);
                    running.complete(null);
                    LOG.log(Level.WARNING, "Could not create the indexes of {0}.{1} yet: {2}", settings.database(),
                            settings.collection(), MongoFailures.translate(failure).getMessage());
                });
    }

    /** Whether the query indexes exist (created by this store or found in place). */
    boolean indexesReady() {
        return indexesEnsured.get();
    }

    /** Waits for the publisher's first item (null when it completes empty), bounded by {@code timeout}. */
    private static <T> T await(Publisher<T> publisher, Duration timeout) {
        return await(Mono.from(publisher).toFuture(), timeout);
    }

    private static <T> T await(CompletableFuture<T> result, Duration timeout) {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StoreCallFailed(e.getCause());
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new StoreUnavailableException("MongoDB did not answer within " + timeout.toMillis() + " ms");
        } catch (CancellationException e) {
            throw new StoreUnavailableException("the MongoDB call was cancelled");
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for MongoDB");
        }
    }

    private static String hosts(String connectionString) {
        try {
            return String.join(",", new ConnectionString(connectionString).getHosts());
        } catch (RuntimeException e) {
            return "(unparsable connection string)";
        }
    }

    /** Carries a driver failure out of {@link #await} to the caller that knows what it means. */
    private static final class StoreCallFailed extends RuntimeException {
        StoreCallFailed(Throwable cause) {
            super(cause);
        }
    }
}
