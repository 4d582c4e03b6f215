package dev.connectx.benchmark;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.RawBsonDocument;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Mono;

/**
 * The store alone, from this process with the Reactive Streams driver: the same documents connectx writes, into
 * another collection of the same MongoDB. {@code insertOne} keeps {@code concurrency} inserts in flight (what
 * connectx could at best do one event at a time); {@code insertMany} writes ordered batches (what a bulk loader does).
 */
final class RawStoreRuns implements AutoCloseable {

    static final int BATCH = 1000;

    private final MongoClient client;

    RawStoreRuns(String mongoUri) {
        this.client = MongoClients.create(mongoUri);
    }

    RunResult insertOne(String collectionName, List<RawBsonDocument> documents, int concurrency)
            throws InterruptedException {
        MongoCollection<RawBsonDocument> collection = collection(collectionName);
        Latencies latencies = new Latencies(documents.size());
        Semaphore window = new Semaphore(concurrency);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Progress progress = new Progress("raw insertOne", documents.size())) {
            long started = System.nanoTime();
            for (int i = 0; i < documents.size(); i++) {
                if (!window.tryAcquire(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("an insert took over 60 s");
                }
                int operation = i;
                long sentAt = System.nanoTime();
                subscribe(collection.insertOne(documents.get(i)), error -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                    latencies.record(operation, System.nanoTime() - sentAt);
                    progress.step();
                    window.release();
                });
            }
            if (!window.tryAcquire(concurrency, 120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the last inserts did not finish");
            }
            long elapsed = System.nanoTime() - started;
            if (failure.get() != null) {
                throw new IllegalStateException("raw insertOne failed", failure.get());
            }
            return RunResult.of("raw insertOne", documents.size(), elapsed, latencies);
        }
    }

    RunResult insertMany(String collectionName, List<RawBsonDocument> documents) {
        MongoCollection<RawBsonDocument> collection = collection(collectionName);
        int batches = (documents.size() + BATCH - 1) / BATCH;
        Latencies latencies = new Latencies(batches);
        try (Progress progress = new Progress("raw insertMany (" + BATCH + ")", documents.size())) {
            long started = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                List<RawBsonDocument> batch = documents.subList(b * BATCH, Math.min(documents.size(), (b + 1) * BATCH));
                long sentAt = System.nanoTime();
                Mono.from(collection.insertMany(batch, new InsertManyOptions().ordered(true)))
                        .block();
                latencies.record(b, System.nanoTime() - sentAt);
                batch.forEach(d -> progress.step());
            }
            return RunResult.of("raw insertMany", documents.size(), System.nanoTime() - started, latencies);
        }
    }

    private MongoCollection<RawBsonDocument> collection(String name) {
        return client.getDatabase("connectx").getCollection(name, RawBsonDocument.class);
    }

    /** Subscribes without blocking a thread; {@code done} gets null on success. */
    private static <T> void subscribe(Publisher<T> publisher, java.util.function.Consumer<Throwable> done) {
        publisher.subscribe(new Subscriber<T>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(T item) {}

            @Override
            public void onError(Throwable error) {
                done.accept(error);
            }

            @Override
            public void onComplete() {
                done.accept(null);
            }
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
