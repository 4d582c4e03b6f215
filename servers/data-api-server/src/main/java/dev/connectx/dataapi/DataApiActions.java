package dev.connectx.dataapi;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.FindPublisher;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.connectx.mongo.groupcommit.GroupCommit;
import dev.connectx.mongo.groupcommit.Inserted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonValue;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs each Data API action with the driver and builds the contract's response body (§A.3). Concurrent
 * {@code insertOne} calls into one collection share {@code insertMany} commands ({@link GroupCommit}); each is
 * still answered for its own document, once acknowledged.
 */
final class DataApiActions implements AutoCloseable {

    /** Collections with a group commit of their own; inserts into further ones go one by one. */
    private static final int MAX_GROUP_COMMITS = 64;

    private static final int COMMANDS_IN_FLIGHT = 4;

    private final MongoClient client;
    private final Duration timeout;
    private final Map<String, GroupCommit> groupCommits = new ConcurrentHashMap<>();

    DataApiActions(MongoClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    ActionAnswer run(String action, DataApiRequest request) {
        MongoCollection<BsonDocument> collection =
                client.getDatabase(request.database()).getCollection(request.collection(), BsonDocument.class);
        request.dataSource(); // required by the contract, though one server serves one cluster
        try {
            return switch (action) {
                case "findOne" ->
                    ActionAnswer.ok(new BsonDocument(
                            "document",
                            ActionAnswer.orNull(one(find(collection, request).first()))));
                case "find" -> ActionAnswer.ok(new BsonDocument("documents", all(findMany(collection, request))));
                case "insertOne" -> insertOne(collection, request);
                case "insertMany" -> insertMany(collection, request);
                case "updateOne" ->
                    ActionAnswer.updated(one(collection.updateOne(
                            request.requiredDocument("filter"),
                            request.requiredDocument("update"),
                            new UpdateOptions().upsert(request.flag("upsert")))));
                case "updateMany" ->
                    ActionAnswer.updated(one(collection.updateMany(
                            request.requiredDocument("filter"),
                            request.requiredDocument("update"),
                            new UpdateOptions().upsert(request.flag("upsert")))));
                case "replaceOne" ->
                    ActionAnswer.updated(one(collection.replaceOne(
                            request.requiredDocument("filter"),
                            request.requiredDocument("replacement"),
                            new ReplaceOptions().upsert(request.flag("upsert")))));
                case "deleteOne" -> ActionAnswer.deleted(one(collection.deleteOne(request.requiredDocument("filter"))));
                case "deleteMany" ->
                    ActionAnswer.deleted(one(collection.deleteMany(request.requiredDocument("filter"))));
                case "aggregate" ->
                    ActionAnswer.ok(new BsonDocument(
                            "documents", all(collection.aggregate(request.requiredDocuments("pipeline")))));
                default -> throw new DataApiException(404, "InvalidAction", "unknown action " + action);
            };
        } catch (MongoWriteException e) {
            throw new DataApiException(
                    400,
                    e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? "DuplicateKey" : "WriteError",
                    e.getError().getMessage());
        } catch (MongoBulkWriteException e) {
            boolean duplicate = e.getWriteErrors().stream()
                    .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            throw new DataApiException(
                    400,
                    duplicate ? "DuplicateKey" : "WriteError",
                    e.getWriteErrors().getFirst().getMessage());
        } catch (MongoCommandException e) {
            throw DataApiException.invalid(e.getErrorMessage());
        } catch (MongoException e) {
            throw new DataApiException(
                    503,
                    "ServiceUnavailable",
                    "MongoDB is not available: " + e.getClass().getSimpleName());
        }
    }

    private static FindPublisher<BsonDocument> find(MongoCollection<BsonDocument> collection, DataApiRequest request) {
        FindPublisher<BsonDocument> find = collection.find(request.requiredDocument("filter"));
        request.optionalDocument("projection").ifPresent(find::projection);
        return find;
    }

    private static FindPublisher<BsonDocument> findMany(
            MongoCollection<BsonDocument> collection, DataApiRequest request) {
        FindPublisher<BsonDocument> find = find(collection, request);
        request.optionalDocument("sort").ifPresent(find::sort);
        request.optionalNumber("limit").ifPresent(find::limit);
        request.optionalNumber("skip").ifPresent(find::skip);
        return find;
    }

    private ActionAnswer insertOne(MongoCollection<BsonDocument> collection, DataApiRequest request) {
        BsonDocument document = request.requiredDocument("document");
        BsonValue id = document.computeIfAbsent("_id", key -> new BsonObjectId());
        String namespace = request.database() + "." + request.collection();
        GroupCommit group = groupCommits.size() < MAX_GROUP_COMMITS || groupCommits.containsKey(namespace)
                ? groupCommits.computeIfAbsent(namespace, name -> new GroupCommit(collection, COMMANDS_IN_FLIGHT))
                : null;
        if (group == null) {
            one(collection.insertOne(document));
        } else if (awaitInsert(group.insert(document)) == Inserted.DUPLICATE_ID) {
            throw new DataApiException(
                    400,
                    "DuplicateKey",
                    "E11000 duplicate key error collection: " + namespace + " index: _id_ dup key: { _id: "
                            + id.toString() + " }");
        }
        return ActionAnswer.created(new BsonDocument("insertedId", id));
    }

    private ActionAnswer insertMany(MongoCollection<BsonDocument> collection, DataApiRequest request) {
        List<BsonDocument> documents = request.requiredDocuments("documents");
        if (documents.isEmpty()) {
            throw DataApiException.invalid("documents must not be empty");
        }
        BsonArray ids = new BsonArray();
        for (BsonDocument document : documents) {
            ids.add(document.computeIfAbsent("_id", key -> new BsonObjectId()));
        }
        one(collection.insertMany(documents));
        return ActionAnswer.created(new BsonDocument("insertedIds", ids));
    }

    /** The group commit's answer within the timeout; a driver failure is rethrown for {@link #run} to map. */
    private Inserted awaitInsert(CompletableFuture<Inserted> inserted) {
        try {
            return inserted.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            inserted.cancel(false);
            throw new DataApiException(
                    503, "ServiceUnavailable", "MongoDB did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MongoException mongo) {
                throw mongo;
            }
            throw new DataApiException(
                    503,
                    "ServiceUnavailable",
                    "the insert failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataApiException(503, "ServiceUnavailable", "interrupted");
        }
    }

    @Override
    public void close() {
        groupCommits.values().forEach(GroupCommit::close);
    }

    private <T> T one(Publisher<T> publisher) {
        try {
            return Mono.from(publisher).block(timeout);
        } catch (IllegalStateException e) { // Reactor's timeout
            throw new DataApiException(
                    503, "ServiceUnavailable", "MongoDB did not answer within " + timeout.toSeconds() + " s");
        }
    }

    private BsonArray all(Publisher<BsonDocument> publisher) {
        List<BsonDocument> documents;
        try {
            documents = Flux.from(publisher).collectList().block(timeout);
        } catch (IllegalStateException e) {
            throw new DataApiException(
                    503, "ServiceUnavailable", "MongoDB did not answer within " + timeout.toSeconds() + " s");
        }
        return new BsonArray(new ArrayList<>(documents));
    }
}
