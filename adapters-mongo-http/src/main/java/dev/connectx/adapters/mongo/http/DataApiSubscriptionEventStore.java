package dev.connectx.adapters.mongo.http;

import dev.connectx.adapters.mongo.document.EventQueries;
import dev.connectx.adapters.mongo.document.SubscriptionEventDocuments;
import dev.connectx.application.port.out.EventCounts;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import dev.connectx.proxy.ProxyRules;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * The subscription event store over the MongoDB HTTP Data API.
 *
 * <p>It keeps the same document as the driver store, sent as canonical Extended JSON so that dates stay dates.
 * Saving is an {@code insertOne} whose {@code _id} is the event key; a duplicate-key refusal means the event was
 * kept before. Any 2xx is success; 401/403 means the key was refused (never quoted); 429, 5xx, timeouts and
 * connection failures are transient; other 4xx are permanent, with the server's {@code error}/{@code error_code}.
 */
public final class DataApiSubscriptionEventStore implements SubscriptionEventStore {

    private static final String PING_ID = "__connectx_ping__";

    private final DataApiSettings settings;
    private final DataApiClient api;
    private final DataApiInserts inserts;

    private DataApiSubscriptionEventStore(DataApiSettings settings, ProxyRules proxies) {
        this.settings = settings;
        this.api = new DataApiClient(settings, proxies);
        this.inserts = new DataApiInserts(api);
    }

    /** Builds the one HTTP client this store uses, reaching the Data API directly. */
    public static DataApiSubscriptionEventStore open(DataApiSettings settings) {
        return open(settings, ProxyRules.NONE);
    }

    /** Builds the one HTTP client this store uses, through the proxy {@code proxies} name for the endpoint, if any. */
    public static DataApiSubscriptionEventStore open(DataApiSettings settings, ProxyRules proxies) {
        return new DataApiSubscriptionEventStore(
                Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(proxies, "proxies"));
    }

    @Override
    public SaveResult save(SubscriptionEvent event) {
        CompletableFuture<SaveResult> result = inserts.insert(SubscriptionEventDocuments.toDocument(event));
        long limitMillis = settings.timeout().multipliedBy(3).toMillis();
        try {
            return result.get(limitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            throw new StoreUnavailableException("the Data API did not answer within " + limitMillis + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreUnavailableException || e.getCause() instanceof EventRejectedException) {
                throw (RuntimeException) e.getCause();
            }
            throw new StoreUnavailableException(
                    "the Data API insert failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the Data API");
        }
    }

    @Override
    public Optional<SubscriptionEvent> find(EventKey key) {
        DataApiReply reply = api.call(
                "findOne", api.request().append("filter", new BsonDocument("_id", new BsonString(key.value()))));
        if (!reply.isSuccess()) {
            throw reply.failure("findOne");
        }
        BsonValue document = reply.body().get("document");
        return document == null || !document.isDocument()
                ? Optional.empty()
                : SubscriptionEventDocuments.readEvent(document.asDocument());
    }

    @Override
    public List<SubscriptionEventSummary> summaries(EventQuery query) {
        return api
                .documents(
                        "find",
                        api.request()
                                .append("filter", EventQueries.filter(query, true))
                                .append("projection", EventQueries.summaryProjection())
                                .append("sort", EventQueries.sort(query))
                                .append("limit", new BsonInt32(query.limit())))
                .stream()
                .flatMap(document -> SubscriptionEventDocuments.readSummary(document).stream())
                .toList();
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
        BsonArray pipeline = new BsonArray(
                List.of(new BsonDocument("$match", filter), new BsonDocument("$count", new BsonString("n"))));
        List<BsonDocument> counted = api.documents("aggregate", api.request().append("pipeline", pipeline));
        return counted.isEmpty() ? 0 : counted.getFirst().getNumber("n").longValue();
    }

    @Override
    public EventCounts countEvents() {
        return EventQueries.eventCounts(api.documents(
                "aggregate",
                api.request().append("pipeline", new BsonArray(EventQueries.countByTypeAndStatusPipeline()))));
    }

    @Override
    public boolean isReachable() {
        try {
            return api.call("findOne", api.request().append("filter", new BsonDocument("_id", new BsonString(PING_ID))))
                    .isSuccess();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "Data API store, collection " + settings.database() + "." + settings.collection() + " at "
                + settings.endpoint().getHost()
                + (settings.endpoint().getPort() < 0
                        ? ""
                        : ":" + settings.endpoint().getPort());
    }

    @Override
    public void close() {
        inserts.close();
    }

    @Override
    public String toString() {
        return describe();
    }
}
