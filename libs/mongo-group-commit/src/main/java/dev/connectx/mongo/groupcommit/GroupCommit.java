package dev.connectx.mongo.groupcommit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.connectx.coalescer.Coalescer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonDocument;
import reactor.core.publisher.Mono;

/**
 * Group commit for one collection: the inserts that arrive while earlier ones are on their way travel together in
 * one unordered {@code insertMany} ({@link Coalescer}). Each insert is answered only for its own document, once
 * MongoDB has acknowledged it: a duplicate key is {@link Inserted#DUPLICATE_ID}, another write error fails that
 * insert alone (with a {@link MongoWriteException}), a failed command fails every insert of its batch with its exception.
 */
public final class GroupCommit implements AutoCloseable {

    /** The most documents one command carries; MongoDB splits larger ones anyway. */
    public static final int MAX_BATCH = 512;

    private final MongoCollection<BsonDocument> collection;
    private final Coalescer<BsonDocument, Inserted> coalescer;

    /** @param maxCommandsInFlight how many batches may be on their way at once (a pool's worth of connections) */
    public GroupCommit(MongoCollection<BsonDocument> collection, int maxCommandsInFlight) {
        this.collection = collection;
        this.coalescer = new Coalescer<>("connectx-group-commit", MAX_BATCH, maxCommandsInFlight, this::send);
    }

    /** Queues the document; the future completes when MongoDB has answered for it. Cancel it to withdraw the insert if not yet sent. */
    public CompletableFuture<Inserted> insert(BsonDocument document) {
        return coalescer.submit(document);
    }

    private void send(List<Coalescer.Item<BsonDocument, Inserted>> batch, Runnable done) {
        List<BsonDocument> documents = new ArrayList<>(batch.size());
        batch.forEach(item -> documents.add(item.value()));
        Mono.from(collection.insertMany(documents, new InsertManyOptions().ordered(false)))
                .subscribe(
                        ignored -> {},
                        failure -> {
                            answer(batch, failure);
                            done.run();
                        },
                        () -> {
                            batch.forEach(item -> item.result().complete(Inserted.NEW));
                            done.run();
                        });
    }

    /** Each insert of a failed command gets its own answer: an error of its own, or the command's failure. */
    private static void answer(List<Coalescer.Item<BsonDocument, Inserted>> batch, Throwable failure) {
        if (!(failure instanceof MongoBulkWriteException bulk) || bulk.getWriteConcernError() != null) {
            batch.forEach(item -> item.result().completeExceptionally(failure));
            return;
        }
        Map<Integer, BulkWriteError> errors = new HashMap<>();
        bulk.getWriteErrors().forEach(error -> errors.put(error.getIndex(), error));
        for (int i = 0; i < batch.size(); i++) {
            BulkWriteError error = errors.get(i);
            CompletableFuture<Inserted> result = batch.get(i).result();
            if (error == null) {
                result.complete(Inserted.NEW);
            } else if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                result.complete(Inserted.DUPLICATE_ID);
            } else {
                result.completeExceptionally(new MongoWriteException(
                        new WriteError(error.getCode(), error.getMessage(), error.getDetails()),
                        bulk.getServerAddress(),
                        Set.of()));
            }
        }
    }

    /** Inserts already sent are answered by MongoDB; those still queued fail. */
    @Override
    public void close() {
        coalescer.close();
    }
}
