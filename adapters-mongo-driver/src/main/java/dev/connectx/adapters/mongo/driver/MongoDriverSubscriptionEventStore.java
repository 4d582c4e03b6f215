package dev.connectx.adapters.mongo.driver;

import static dev.connectx.adapters.mongo.driver.MongoCalls.await;

import com.mongodb.ConnectionString;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.connectx.adapters.mongo.document.EventQueries;
import dev.connectx.adapters.mongo.document.SubscriptionEventDocuments;
import dev.connectx.application.port.out.EventCounts;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import dev.connectx.mongo.groupcommit.GroupCommit;
import dev.connectx.mongo.groupcommit.Inserted;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import reactor.core.publisher.Flux;

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
    private final QueryIndexes indexes;

    private MongoDriverSubscriptionEventStore(MongoDriverSettings settings, SharedMongoClient client) {
        this.settings = settings;
        this.client = client;
        this.database = client.hold().getDatabase(settings.database());
        this.collection = database.getCollection(settings.collection(), BsonDocument.class);
        this.groupCommit = new GroupCommit(collection, GROUP_COMMIT_COMMANDS);
        this.indexes = new QueryIndexes(
                collection, settings.database() + "." + settings.collection(), settings.operationTimeout());
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
        store.indexes.ensure();
        return store;
    }

    @Override
    public SaveResult save(SubscriptionEvent event) {
        Inserted inserted =
                await(groupCommit.insert(SubscriptionEventDocuments.toDocument(event)), settings.operationTimeout());
        indexes.ensure();
        return inserted == Inserted.NEW ? SaveResult.STORED : SaveResult.ALREADY_STORED;
    }

    @Override
    public Optional<SubscriptionEvent> find(EventKey key) {
        BsonDocument document = await(
                collection
                        .find(Filters.eq(SubscriptionEventDocuments.ID, key.value()))
                        .first(),
                settings.operationTimeout());
        return Optional.ofNullable(document).flatMap(SubscriptionEventDocuments::readEvent);
    }

    @Override
    public List<SubscriptionEventSummary> summaries(EventQuery query) {
        List<BsonDocument> documents = await(
                Flux.from(collection
                                .find(EventQueries.filter(query, true))
                                .projection(EventQueries.summaryProjection())
                                .sort(EventQueries.sort(query))
                                .limit(query.limit()))
                        .collectList(),
                settings.operationTimeout());
        return documents.stream()
                .flatMap(document -> SubscriptionEventDocuments.readSummary(document).stream())
                .toList();
    }

    @Override
    public long count(EventQuery query) {
        return await(collection.countDocuments(EventQueries.filter(query, false)), settings.operationTimeout());
    }

    @Override
    public EventCounts countEvents() {
        List<BsonDocument> groups = await(
                Flux.from(collection.aggregate(EventQueries.countByTypeAndStatusPipeline()))
                        .collectList(),
                settings.operationTimeout());
        return EventQueries.eventCounts(groups);
    }

    @Override
    public long countUnreadable() {
        long all = await(collection.estimatedDocumentCount(), settings.operationTimeout());
        long readable = await(collection.countDocuments(EventQueries.readable()), settings.operationTimeout());
        return Math.max(0, all - readable);
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
        indexes.awaitIdle(CLOSE_WAIT);
        client.release();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Whether the query indexes exist (created by this store or found in place). */
    boolean indexesReady() {
        return indexes.ready();
    }

    private static String hosts(String connectionString) {
        try {
            return String.join(",", new ConnectionString(connectionString).getHosts());
        } catch (RuntimeException e) {
            return "(unparsable connection string)";
        }
    }
}
