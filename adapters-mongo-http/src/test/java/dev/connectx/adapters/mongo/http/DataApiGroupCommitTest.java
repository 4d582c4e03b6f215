package dev.connectx.adapters.mongo.http;

import static dev.connectx.application.testing.SubscriptionEventFixtures.aPurchaseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.dataapi.DataApiService;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit in the Data API store, against connectx's Data API server with the calls counted by action. */
class DataApiGroupCommitTest {

    private static final String KEY = "group-commit-key";

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicBoolean refuseInsertMany = new AtomicBoolean();
    private EmbeddedMongoServer mongo;
    private MongoClient client;
    private WebServer server;
    private DataApiSubscriptionEventStore store;

    @BeforeEach
    void start() {
        mongo = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
        client = MongoClients.create(mongo.connectionString());
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.post("/app/{app}/endpoint/data/v1/action/{action}", (request, response) -> {
                            String action = request.path().pathParameters().get("action");
                            calls.computeIfAbsent(action, a -> new AtomicInteger())
                                    .incrementAndGet();
                            if (action.equals("insertMany") && refuseInsertMany.get()) {
                                response.status(Status.REQUEST_ENTITY_TOO_LARGE_413)
                                        .send("{\"error\":\"too large\"}");
                            } else {
                                response.next();
                            }
                        })
                        .register(new DataApiService(client, Set.of(KEY), Set.of("connectx"), Duration.ofSeconds(10))))
                .build()
                .start();
        store = DataApiSubscriptionEventStore.open(new DataApiSettings(
                URI.create("http://127.0.0.1:" + server.port() + "/app/data-abcde/endpoint/data/v1"),
                KEY,
                DataApiSettings.DEFAULT_API_KEY_HEADER,
                "Cluster0",
                "connectx",
                "events_" + UUID.randomUUID(),
                Duration.ofSeconds(20)));
    }

    @AfterEach
    void stop() {
        store.close();
        server.stop();
        client.close();
        mongo.close();
    }

    @Test
    void concurrent_saves_share_calls_and_each_is_answered_for_its_own_event() throws Exception {
        store.save(event(0)); // kept before: answered already stored when it comes again in a batch

        Map<SaveResult, Long> results =
                saveConcurrently(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 1, 2));

        assertEquals(Map.of(SaveResult.STORED, 15L, SaveResult.ALREADY_STORED, 3L), results, calls.toString());
        assertEquals(16, store.count(dev.connectx.application.port.out.EventQuery.all()));
        int insertCalls = calls.getOrDefault("insertOne", new AtomicInteger()).get()
                + calls.getOrDefault("insertMany", new AtomicInteger()).get();
        assertTrue(insertCalls < 17, "17 saves in " + calls);
    }

    @Test
    void when_the_server_refuses_a_batch_each_event_is_written_alone() throws Exception {
        refuseInsertMany.set(true);

        Map<SaveResult, Long> results = saveConcurrently(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));

        assertEquals(Map.of(SaveResult.STORED, 16L), results);
        assertEquals(16, store.count(dev.connectx.application.port.out.EventQuery.all()));
        assertTrue(calls.getOrDefault("insertMany", new AtomicInteger()).get() > 0, "a batch was tried: " + calls);
    }

    private Map<SaveResult, Long> saveConcurrently(List<Integer> events) throws Exception {
        List<Future<SaveResult>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i : events) {
                futures.add(pool.submit(() -> store.save(event(i))));
            }
            List<SaveResult> results = new ArrayList<>();
            for (Future<SaveResult> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results.stream().collect(Collectors.groupingBy(result -> result, Collectors.counting()));
        }
    }

    private static SubscriptionEvent event(int i) {
        return aPurchaseEvent()
                .withRequestId("PR-2000-0000-%04d-001".formatted(i))
                .build();
    }
}
