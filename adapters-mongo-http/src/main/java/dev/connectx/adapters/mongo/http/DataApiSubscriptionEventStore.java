package dev.connectx.adapters.mongo.http;

import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.RequestStatus;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import dev.connectx.adapters.mongo.document.EventQueries;
import dev.connectx.adapters.mongo.document.SubscriptionEventDocuments;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import dev.connectx.coalescer.Coalescer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The subscription event store over the MongoDB HTTP Data API.
 *
 * <p>It keeps the same document as the driver store, sent as canonical Extended JSON so that dates stay dates.
 * Saving is an {@code insertOne} whose {@code _id} is the event key; a duplicate-key refusal means the event was
 * kept before. Any 2xx is success; 401/403 means the key was refused (never quoted); 429, 5xx, timeouts and
 * connection failures are transient; other 4xx are permanent, with the server's {@code error}/{@code error_code}.
 */
public final class DataApiSubscriptionEventStore implements SubscriptionEventStore {

    private static final String EJSON = "application/ejson";
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final String PING_ID = "__connectx_ping__";

    /**
     * Concurrent saves share calls (group commit); a batch stays well under a Data API server's body limit. One
     * batch at a time: two batches racing on one key could not tell which of them stored it.
     */
    private static final int MAX_BATCH = 64;
    private static final int BATCHES_IN_FLIGHT = 1;

    private final DataApiSettings settings;
    private final WebClient client;
    private final Coalescer<BsonDocument, SaveResult> inserts;

    private DataApiSubscriptionEventStore(DataApiSettings settings, WebClient client) {
        this.settings = settings;
        this.client = client;
        this.inserts = new Coalescer<>("connectx-data-api-inserts", MAX_BATCH, BATCHES_IN_FLIGHT, this::write);
    }

    /** Builds the one HTTP client this store uses; connections are pooled and reused. */
    public static DataApiSubscriptionEventStore open(DataApiSettings settings) {
        Objects.requireNonNull(settings, "settings");
        WebClient client = WebClient.builder()
                .baseUri(settings.endpoint().toString().replaceAll("/+$", "") + "/action/")
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .build();
        return new DataApiSubscriptionEventStore(settings, client);
    }

    @Override
    public SaveResult save(SubscriptionEvent event) {
        CompletableFuture<SaveResult> result = inserts.submit(SubscriptionEventDocuments.toDocument(event));
        try {
            return result.get(settings.timeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            throw new StoreUnavailableException("the Data API did not answer within " + settings.timeout().multipliedBy(3).toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreUnavailableException || e.getCause() instanceof EventRejectedException) {
                throw (RuntimeException) e.getCause();
            }
            throw new StoreUnavailableException("the Data API insert failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the Data API");
        }
    }

    /**
     * Writes one batch of concurrent saves (on a virtual thread of its own): repeated keys are written once, keys
     * already kept are answered at once ({@code find} with {@code $in}), the rest go in one {@code insertMany}. Should
     * that fail with a 4xx other than a refused key (a body over the server's limit, a duplicate written meanwhile by
     * another process), each document is tried alone; in that last, rare case a document the failed call did store
     * is answered "already stored", which is still success.
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
                Map<BsonValue, SaveResult> results = documents.size() == 1 ? Map.of(documents.keySet().iterator().next(),
                        insertOne(documents.values().iterator().next())) : insertAll(documents);
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
        documents("find", request().append("filter", new BsonDocument("_id", new BsonDocument("$in", ids)))
                .append("projection", new BsonDocument("_id", new BsonInt32(1))).append("limit", new BsonInt32(ids.size())))
                .forEach(kept -> results.put(kept.get("_id"), SaveResult.ALREADY_STORED));
        List<BsonDocument> fresh = documents.entrySet().stream().filter(entry -> !results.containsKey(entry.getKey()))
                .map(Map.Entry::getValue).toList();
        if (fresh.size() == 1) {
            results.put(fresh.getFirst().get("_id"), insertOne(fresh.getFirst()));
        } else if (!fresh.isEmpty()) {
            Reply reply = call("insertMany", request().append("documents", new BsonArray(new ArrayList<>(fresh))));
            if (reply.isSuccess()) {
                fresh.forEach(document -> results.put(document.get("_id"), SaveResult.STORED));
            } else if (reply.status() == 401 || reply.status() == 403 || reply.status() == 429 || reply.status() / 100 == 5) {
                throw reply.failure("insertMany");
            } else {
                fresh.forEach(document -> results.put(document.get("_id"), insertOne(document)));
            }
        }
        return results;
    }

    private SaveResult insertOne(BsonDocument document) {
        Reply reply = call("insertOne", request().append("document", document));
        if (reply.isSuccess()) {
            return SaveResult.STORED;
        }
        if (reply.isDuplicateKey()) {
            return SaveResult.ALREADY_STORED;
        }
        throw reply.failure("insertOne");
    }

    @Override
    public Optional<SubscriptionEvent> find(EventKey key) {
        Reply reply = call("findOne", request().append("filter", new BsonDocument("_id", new BsonString(key.value()))));
        if (!reply.isSuccess()) {
            throw reply.failure("findOne");
        }
        BsonValue document = reply.body().get("document");
        return document == null || !document.isDocument() ? Optional.empty() : SubscriptionEventDocuments.readEvent(document.asDocument());
    }

    @Override
    public List<SubscriptionEventSummary> summaries(EventQuery query) {
        return documents("find", request().append("filter", EventQueries.filter(query, true))
                .append("projection", EventQueries.summaryProjection())
                .append("sort", EventQueries.sort(query)).append("limit", new BsonInt32(query.limit())))
                .stream().flatMap(document -> SubscriptionEventDocuments.readSummary(document).stream()).toList();
    }

    @Override
    public long count(EventQuery query) {
        return count(EventQueries.filter(query, false));
    }

    @Override
    public long countUnreadable() {
        return Math.max(0, count(new BsonDocument()) - count(EventQueries.readable()));
    }

    private long count(BsonDocument filter) {
        List<BsonDocument> counted = documents("aggregate", request().append("pipeline", new BsonArray(List.of(
                new BsonDocument("$match", filter), new BsonDocument("$count", new BsonString("n"))))));
        return counted.isEmpty() ? 0 : counted.getFirst().getNumber("n").longValue();
    }

    @Override
    public Map<RequestStatus, Long> countByStatus() {
        return EventQueries.statusCounts(documents("aggregate", request().append("pipeline", new BsonArray(EventQueries.countByStatusPipeline()))));
    }

    /** Calls an action that answers {@code {"documents": [...]}}. */
    private List<BsonDocument> documents(String action, BsonDocument body) {
        Reply reply = call(action, body);
        if (!reply.isSuccess()) {
            throw reply.failure(action);
        }
        BsonValue documents = reply.body().get("documents");
        if (documents == null || !documents.isArray()) {
            throw new StoreUnavailableException("the Data API answered " + action + " without a documents array");
        }
        return documents.asArray().stream().filter(BsonValue::isDocument).map(BsonValue::asDocument).toList();
    }

    @Override
    public boolean isReachable() {
        try {
            return call("findOne", request().append("filter", new BsonDocument("_id", new BsonString(PING_ID)))).isSuccess();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "Data API store, collection " + settings.database() + "." + settings.collection() + " at " + settings.endpoint().getHost()
                + (settings.endpoint().getPort() < 0 ? "" : ":" + settings.endpoint().getPort());
    }

    @Override
    public void close() {
        // Saves still queued fail; Helidon's WebClient holds no resource that needs closing.
        inserts.close();
    }

    @Override
    public String toString() {
        return describe();
    }

    private BsonDocument request() {
        return new BsonDocument("dataSource", new BsonString(settings.dataSource()))
                .append("database", new BsonString(settings.database()))
                .append("collection", new BsonString(settings.collection()));
    }

    private Reply call(String action, BsonDocument body) {
        try (HttpClientResponse response = client.post(action)
                .header(HeaderNames.CONTENT_TYPE, EJSON)
                .header(HeaderNames.ACCEPT, EJSON)
                .header(HeaderNames.create(settings.apiKeyHeader()), settings.apiKey())
                .submit(body.toJson(CANONICAL))) {
            int status = response.status().code();
            String text = response.as(String.class);
            return new Reply(status, parse(text));
        } catch (StoreUnavailableException | EventRejectedException e) {
            throw e;
        } catch (RuntimeException e) {
            // Connection refused, reset, timed out: Helidon reports these as unchecked exceptions.
            throw new StoreUnavailableException("the Data API at " + settings.endpoint().getHost() + " could not be reached: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), e);
        }
    }

    private static BsonDocument parse(String text) {
        if (text == null || text.isBlank()) {
            return new BsonDocument();
        }
        try {
            return BsonDocument.parse(text);
        } catch (RuntimeException e) {
            return new BsonDocument("error", new BsonString(firstLine(text)));
        }
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    /** A Data API answer. */
    private record Reply(int status, BsonDocument body) {

        boolean isSuccess() {
            return status / 100 == 2;
        }

        boolean isDuplicateKey() {
            String code = text("error_code");
            String error = text("error");
            return status / 100 == 4 && ("DuplicateKey".equals(code) || error.contains("E11000") || error.contains("duplicate key"));
        }

        RuntimeException failure(String action) {
            String detail = text("error") + (text("error_code").isEmpty() ? "" : " (" + text("error_code") + ")");
            if (status == 401 || status == 403) {
                return new EventRejectedException("the Data API refused the key (HTTP " + status + ")");
            }
            if (status == 429 || status / 100 == 5) {
                return new StoreUnavailableException("the Data API answered " + action + " with HTTP " + status + ": " + detail);
            }
            return new EventRejectedException("the Data API refused " + action + " with HTTP " + status + ": " + detail);
        }

        private String text(String field) {
            BsonValue value = body.get(field);
            return value != null && value.isString() ? value.asString().getValue() : "";
        }
    }
}
