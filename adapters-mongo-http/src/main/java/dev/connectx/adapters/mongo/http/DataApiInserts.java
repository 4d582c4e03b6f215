package dev.connectx.adapters.mongo.http;

import dev.connectx.application.port.out.SaveResult;
import dev.connectx.coalescer.Coalescer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * Concurrent saves written together (group commit through the {@link Coalescer}), each still answered exactly
 * "stored" or "already stored". One batch at a time: two batches racing on one key could not tell which of them
 * stored it; a batch stays well under a Data API server's body limit.
 */
final class DataApiInserts implements AutoCloseable {

    private static final int MAX_BATCH = 64;
    private static final int BATCHES_IN_FLIGHT = 1;

    private final DataApiClient api;
    private final Coalescer<BsonDocument, SaveResult> coalescer;

    DataApiInserts(DataApiClient api) {
        this.api = api;
        this.coalescer = new Coalescer<>("connectx-data-api-inserts", MAX_BATCH, BATCHES_IN_FLIGHT, this::write);
    }

    /** Queues the document; cancel the future to withdraw it while it has not been sent. */
    CompletableFuture<SaveResult> insert(BsonDocument document) {
        return coalescer.submit(document);
    }

    /**
     * Writes one batch (on a virtual thread of its own): repeated keys are written once, keys already kept are
     * answered at once ({@code find} with {@code $in}), the rest go in one {@code insertMany}. Should that fail with a
     * 4xx other than a refused key (a body over the server's limit, a duplicate written meanwhile by another
     * process), each document is tried alone; in that last, rare case a document the failed call did store is
     * answered "already stored", which is still success.
     */
    private void write(List<Coalescer.Item<BsonDocument, SaveResult>> batch, Runnable done) {
        Thread.ofVirtual().name("connectx-data-api-insert").start(() -> {
            try {
                Map<BsonValue, List<CompletableFuture<SaveResult>>> waiting = new LinkedHashMap<>();
                Map<BsonValue, BsonDocument> documents = new LinkedHashMap<>();
                for (Coalescer.Item<BsonDocument, SaveResult> item : batch) {
                    BsonValue id = item.value().get("_id");
                    documents.putIfAbsent(id, item.value());
                    waiting.computeIfAbsent(id, key -> new ArrayList<>()).add(item.result());
                }
                Map<BsonValue, SaveResult> results = documents.size() == 1
                        ? Map.of(
                                documents.keySet().iterator().next(),
                                insertOne(documents.values().iterator().next()))
                        : insertAll(documents);
                // The first save of a key gets the write's result; repeats of it within the batch found it kept.
                waiting.forEach((id, futures) -> {
                    futures.getFirst().complete(results.get(id));
                    futures.subList(1, futures.size()).forEach(future -> future.complete(SaveResult.ALREADY_STORED));
                });
            } catch (RuntimeException e) {
                batch.forEach(item -> item.result().completeExceptionally(e));
            } finally {
                done.run();
            }
        });
    }

    private Map<BsonValue, SaveResult> insertAll(Map<BsonValue, BsonDocument> documents) {
        Map<BsonValue, SaveResult> results = new LinkedHashMap<>();
        BsonArray ids = new BsonArray(new ArrayList<>(documents.keySet()));
        api.documents(
                        "find",
                        api.request()
                                .append("filter", new BsonDocument("_id", new BsonDocument("$in", ids)))
                                .append("projection", new BsonDocument("_id", new BsonInt32(1)))
                                .append("limit", new BsonInt32(ids.size())))
                .forEach(kept -> results.put(kept.get("_id"), SaveResult.ALREADY_STORED));
        List<BsonDocument> fresh = documents.entrySet().stream()
                .filter(entry -> !results.containsKey(entry.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        if (fresh.size() == 1) {
            results.put(fresh.getFirst().get("_id"), insertOne(fresh.getFirst()));
        } else if (!fresh.isEmpty()) {
            DataApiReply reply =
                    api.call("insertMany", api.request().append("documents", new BsonArray(new ArrayList<>(fresh))));
            switch (reply.kind()) {
                case SUCCESS -> fresh.forEach(document -> results.put(document.get("_id"), SaveResult.STORED));
                case KEY_REFUSED, TRANSIENT -> throw reply.failure("insertMany");
                case REFUSED -> fresh.forEach(document -> results.put(document.get("_id"), insertOne(document)));
            }
        }
        return results;
    }

    private SaveResult insertOne(BsonDocument document) {
        DataApiReply reply = api.call("insertOne", api.request().append("document", document));
        if (reply.isSuccess()) {
            return SaveResult.STORED;
        }
        if (reply.isDuplicateKey()) {
            return SaveResult.ALREADY_STORED;
        }
        throw reply.failure("insertOne");
    }

    /** Saves still queued fail; those sent are answered by the server. */
    @Override
    public void close() {
        coalescer.close();
    }
}
