package dev.connectx.adapters.mongo.driver;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.connectx.application.port.out.EventRejectedException;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.StoreUnavailableException;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/** What the driver store does beyond the shared contract: the document it writes, indexes, outages. */
class MongoDriverSubscriptionEventStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void writes_flat_metadata_beside_the_unchanged_request() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, dataDir);
                MongoDriverSubscriptionEventStore store =
                        MongoDriverSubscriptionEventStore.open(MongoDriverSettings.of(server.connectionString()));
                MongoClient client = MongoClients.create(server.connectionString())) {
            store.save(aPurchaseEvent().build());

            Document stored = Flux.from(collection(client).find()).blockFirst(WAIT);

            assertEquals("PR-5571-0393-2216-001/pending/2023-01-18T10:02:13Z", stored.get("_id"));
            assertEquals("asset_purchase_request_processing", stored.get("event_type"));
            assertEquals("PR-5571-0393-2216-001", stored.get("request_id"));
            assertEquals("pending", stored.get("status"));
            assertEquals("AS-5571-0393-2216", stored.get("asset_id"));
            assertEquals("PRD-276-377-545", stored.get("product_id"));
            assertEquals(java.util.Date.from(Instant.parse("2023-01-18T10:02:13Z")), stored.get("updated"));
            assertEquals(java.util.Date.from(Instant.parse("2026-11-26T12:00:00.123Z")), stored.get("received_at"));
            assertEquals("TQ-8071-2231-9974", stored.get("task_id"));
            Document request = stored.get("request", Document.class);
            assertEquals("PR-5571-0393-2216-001", request.get("id"));
            assertEquals(
                    "2023-01-18T10:02:13+00:00", request.get("updated"), "Connect's own text is kept, not converted");
            assertEquals(
                    "5",
                    request.get("asset", Document.class)
                            .getList("items", Document.class)
                            .getFirst()
                            .get("quantity"));
        }
    }

    @Test
    void creates_the_four_indexes_the_read_side_needs() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, dataDir);
                MongoDriverSubscriptionEventStore store =
                        MongoDriverSubscriptionEventStore.open(MongoDriverSettings.of(server.connectionString()));
                MongoClient client = MongoClients.create(server.connectionString())) {
            store.save(aPurchaseEvent().build());
            awaitTrue(store::indexesReady);

            Set<String> names = Flux.from(collection(client).listIndexes())
                    .map(index -> index.getString("name"))
                    .collect(Collectors.toSet())
                    .block(WAIT);

            assertTrue(
                    names.containsAll(List.of(
                            "request_id_updated", "asset_id_updated", "tier_config_id_updated", "event_type_updated")),
                    names.toString());
        }
    }

    @Test
    void an_outage_means_unavailable_within_the_timeouts_and_recovery_needs_no_new_store() throws Exception {
        EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, dataDir);
        int port = server.address().getPort();
        MongoDriverSettings settings = MongoDriverSettings.of(server.connectionString())
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(3));
        try (MongoDriverSubscriptionEventStore store = MongoDriverSubscriptionEventStore.open(settings)) {
            assertEquals(SaveResult.STORED, store.save(aPurchaseEvent().build()));
            server.close();

            long started = System.nanoTime();
            SubscriptionEvent next = aPurchaseEvent().withRequestId("PR-2").build();
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> store.save(next));
            assertTrue(
                    Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0,
                    "bounded in time");
            assertFalse(store.isReachable());
            assertFalse(e.getMessage().isBlank());

            server = EmbeddedMongoServer.startPersistent("127.0.0.1", port, dataDir);
            awaitTrue(store::isReachable);
            assertEquals(SaveResult.STORED, store.save(next));
            assertEquals(
                    SaveResult.ALREADY_STORED,
                    store.save(aPurchaseEvent().build()),
                    "the first event survived the restart");
        } finally {
            server.close();
        }
    }

    @Test
    void a_payload_nested_past_mongodbs_limit_is_rejected_before_it_is_sent() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
                MongoDriverSubscriptionEventStore store =
                        MongoDriverSubscriptionEventStore.open(MongoDriverSettings.of(server.connectionString()))) {
            String json = "{\"a\":".repeat(120) + "1" + "}".repeat(120);

            EventRejectedException e = assertThrows(
                    EventRejectedException.class,
                    () -> store.save(aPurchaseEvent().withPayload(json).build()));

            assertEquals("the request is nested deeper than MongoDB's limit of 99 levels", e.getMessage());
        }
    }

    @Test
    void describes_itself_without_the_password() {
        try (MongoDriverSubscriptionEventStore store =
                MongoDriverSubscriptionEventStore.open(MongoDriverSettings.of("mongodb://connectx:s3cr3t@127.0.0.1:1/")
                        .withTimeouts(Duration.ofMillis(200), Duration.ofMillis(500)))) {
            assertEquals("MongoDB driver store, collection connectx.driver_data at 127.0.0.1:1", store.describe());
            assertFalse(store.isReachable());
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase(MongoDriverSettings.DEFAULT_DATABASE)
                .getCollection(MongoDriverSettings.DEFAULT_COLLECTION);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), "condition met within 10 s");
    }
}
