package dev.connectx.mongo.groupcommit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import reactor.core.publisher.Mono;

/**
 * Group commit: the inserts that arrive while earlier ones are on their way travel together in one unordered
 * {@code insertMany}. Nothing waits for a batch to fill: a lone insert goes at once, alone; under load, batches
 * grow by themselves. Each insert is answered only for its own document, once MongoDB has acknowledged it: a
 * duplicate key is {@link Inserted#DUPLICATE_ID}, another write error fails that insert alone (with a
 * {@link com.mongodb.MongoWriteException}), a failed command fails every insert of its batch with its exception.
 */
public final class GroupCommit implements AutoCloseable {

    /** The most documents one command carries; MongoDB splits larger ones anyway. */
    public static final int MAX_BATCH = 512;

    private record Pending(BsonDocument document, CompletableFuture<Inserted> result) {
    }

    private final MongoCollection<BsonDocument> collection;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Semaphore commandsInFlight;
    private final Thread sender;
    private volatile boolean closed;

    /** @param maxCommandsInFlight how many batches may be on their way at once (a pool's worth of connections) */
    public GroupCommit(MongoCollection<BsonDocument> collection, int maxCommandsInFlight) {
        this.collection = collection;
        this.commandsInFlight = new Semaphore(maxCommandsInFlight);
        this.sender = Thread.ofPlatform().daemon().name("connectx-group-commit").start(this::sendBatches);
    }

    /** Queues the document; the future completes when MongoDB has answered for it. Cancel it to withdraw the insert if not yet sent. */
    public CompletableFuture<Inserted> insert(BsonDocument document) {
        CompletableFuture<Inserted> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("group commit is closed"));
            return result;
        }
        queue.add(new Pending(document, result));
        return result;
    }

    private void sendBatches() {
        try {
            while (!closed) {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                try {
                    commandsInFlight.acquire();
                } catch (InterruptedException closing) {
                    first.result().completeExceptionally(new IllegalStateException("group commit is closed"));
                    throw closing;
                }
                // Taken after the permit: whatever queued while the earlier batches were away goes now.
                List<Pending> drained = new ArrayList<>();
                drained.add(first);
                queue.drainTo(drained, MAX_BATCH - 1);
                // An insert whose caller gave up (its future cancelled on a timeout) is not sent: while MongoDB is
                // away, the queue holds only inserts someone still waits for.
                List<Pending> batch = drained.stream().filter(pending -> !pending.result().isDone()).toList();
                if (batch.isEmpty()) {
                    commandsInFlight.release();
                } else {
                    send(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failQueued();
        }
    }

    private void send(List<Pending> batch) {
        List<BsonDocument> documents = new ArrayList<>(batch.size());
        batch.forEach(pending -> documents.add(pending.document()));
        Mono.from(collection.insertMany(documents, new InsertManyOptions().ordered(false)))
                .subscribe(
                        ignored -> { },
                        failure -> {
                            commandsInFlight.release();
                            answer(batch, failure);
                        },
                        () -> {
                            commandsInFlight.release();
                            batch.forEach(pending -> pending.result().complete(Inserted.NEW));
                        });
    }

    /** Each insert of a failed command gets its own answer: an error of its own, or the command's failure. */
    private static void answer(List<Pending> batch, Throwable failure) {
        if (!(failure instanceof MongoBulkWriteException bulk) || bulk.getWriteConcernError() != null) {
            batch.forEach(pending -> pending.result().completeExceptionally(failure));
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
                result.completeExceptionally(new com.mongodb.MongoWriteException(
                        new WriteError(error.getCode(), error.getMessage(), error.getDetails()), bulk.getServerAddress(), java.util.Set.of()));
            }
        }
    }

    private void failQueued() {
        Pending pending;
        while ((pending = queue.poll()) != null) {
            pending.result().completeExceptionally(new IllegalStateException("group commit is closed"));
        }
    }

    @Override
    public void close() {
        // Inserts already sent are answered by MongoDB; those still queued fail.
        closed = true;
        sender.interrupt();
        failQueued();
    }
}
