package dev.connectx.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.bootstrap.ConnectxApp;
import dev.connectx.dataapi.DataApiService;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.ConnectxProcess;
import dev.connectx.testing.support.LoopbackPorts;
import dev.connectx.testing.support.Pause;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/**
 * The fault suite: the real app (in this JVM, or the built launcher as a child process) driven through the
 * Connect simulator, with Connect's redelivery on, while the store, the connection or the process fails. Each
 * scenario prints one line of counts and asserts 0 lost and 0 duplicated. Size: {@code -Dconnectx.faults.events}
 * (default 300; the faults-large profile sends 5000).
 */
class FaultScenariosIT {

    private static final String KEY = "ApiKey SU-900-900-900:fault-suite-token";
    private static final Duration UNANSWERED_AFTER = Duration.ofSeconds(5);
    private static final Duration RETRY_AFTER = Duration.ofMillis(200);
    private static final Duration ALL_ANSWERED = Duration.ofMinutes(5);

    @TempDir
    Path work;

    private ConnectSimulator connect;
    private FaultEvents events;
    private long started;

    @BeforeEach
    void startConnect() {
        connect = ConnectSimulator.start(KEY, 0);
        connect.redeliver(UNANSWERED_AFTER, RETRY_AFTER);
        events = FaultEvents.putInto(connect, FaultEvents.SIZE);
        started = System.nanoTime();
    }

    @AfterEach
    void stopConnect() {
        connect.close();
    }

    @Test
    void the_driver_store_goes_away_mid_stream_and_comes_back() throws Exception {
        int mongoPort = LoopbackPorts.free();
        Path mongoData = work.resolve("mongo");
        AtomicReference<EmbeddedMongoServer> mongo =
                new AtomicReference<>(EmbeddedMongoServer.startPersistent("127.0.0.1", mongoPort, mongoData));
        try {
            try (ConnectxApp app = startApp(Map.of(
                    "MONGODB_URI",
                    "mongodb://127.0.0.1:" + mongoPort,
                    "CONNECTX_MONGO_SERVER_SELECTION_TIMEOUT",
                    "1000",
                    "CONNECTX_STORE_TIMEOUT",
                    "2000"))) {
                events.deliver(connect, 0.3, () -> {
                            mongo.get().close();
                            Pause.millis(2500);
                            mongo.set(EmbeddedMongoServer.startPersistent("127.0.0.1", mongoPort, mongoData));
                        })
                        .join();
                connect.awaitAllAnswered(ALL_ANSWERED);
            }
            FaultCounts counts = report("driver store outage", mongo.get().connectionString(), "driver_data");
            assertTrue(counts.allResults().getOrDefault("retry", 0L) > 0, "the outage was felt: " + counts);
        } finally {
            mongo.get().close();
        }
    }

    @Test
    void the_data_api_answers_503_for_a_while_mid_stream() throws Exception {
        AtomicBoolean unavailable = new AtomicBoolean();
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            WebServer dataApi = WebServer.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .shutdownHook(false)
                    .routing(routing -> routing.any((request, response) -> {
                                if (unavailable.get()) {
                                    response.status(Status.SERVICE_UNAVAILABLE_503)
                                            .send("{\"error\":\"maintenance\"}");
                                } else {
                                    response.next();
                                }
                            })
                            .register(new DataApiService(
                                    client, Set.of("fault-data-api-key"), Set.of("connectx"), Duration.ofSeconds(5))))
                    .build()
                    .start();
            try (ConnectxApp app = startApp(Map.of(
                    "STORAGE_ADAPTER",
                    "http",
                    "DATA_API_ENDPOINT",
                    "http://127.0.0.1:" + dataApi.port() + "/app/connectx/endpoint/data/v1",
                    "DATA_API_KEY",
                    "fault-data-api-key"))) {
                events.deliver(connect, 0.3, () -> {
                            unavailable.set(true);
                            Pause.millis(1500);
                            unavailable.set(false);
                        })
                        .join();
                connect.awaitAllAnswered(ALL_ANSWERED);
            } finally {
                dataApi.stop();
            }
            FaultCounts counts = report("data api answering 503", mongo.connectionString(), "http_data");
            assertTrue(counts.allResults().getOrDefault("retry", 0L) > 0, "the outage was felt: " + counts);
        }
    }

    @Test
    void the_websocket_drops_again_and_again_mid_stream() throws Exception {
        int mongoPort = LoopbackPorts.free();
        try (ConnectxApp app = startApp(Map.of("CONNECTX_MONGO_EMBEDDED_PORT", String.valueOf(mongoPort)))) {
            events.deliver(connect, 0.2, () -> {
                        for (int drop = 0; drop < 3; drop++) {
                            try {
                                connect.dropConnection();
                            } catch (IllegalStateException notConnectedRightNow) {
                                // the runner is between connections
                            }
                            connect.awaitHandshakes(drop + 2, Duration.ofSeconds(60));
                            Pause.millis(150);
                        }
                    })
                    .join();
            connect.awaitAllAnswered(ALL_ANSWERED);
            assertTrue(connect.handshakes().size() >= 4, "reconnected after each drop");
            report("websocket drops x3", "mongodb://127.0.0.1:" + mongoPort, "driver_data");
        }
    }

    @Test
    void the_same_task_delivered_twice_at_once_is_stored_once() throws Exception {
        int mongoPort = LoopbackPorts.free();
        try (ConnectxApp app = startApp(Map.of("CONNECTX_MONGO_EMBEDDED_PORT", String.valueOf(mongoPort)))) {
            for (String requestId : events.requestIds()) {
                events.deliverOne(connect, requestId);
                events.deliverOne(connect, requestId);
            }
            connect.awaitAllAnswered(ALL_ANSWERED);
            FaultCounts counts =
                    report("concurrent duplicate tasks", "mongodb://127.0.0.1:" + mongoPort, "driver_data");
            assertEquals(
                    2L * events.size(),
                    counts.finalResults().get("success"),
                    "both deliveries answered success: " + counts);
        }
    }

    @Test
    void the_process_is_killed_mid_stream_and_restarted() throws Exception {
        Map<String, String> environment = processEnvironment();
        ConnectxProcess first = ConnectxProcess.startHealthy(work, environment, "first.log");
        CompletableFuture<ConnectxProcess> second = new CompletableFuture<>();
        AtomicLong answeredBeforeKill = new AtomicLong();
        // Paced (5 ms a task), so that tasks are still arriving when the process dies.
        events.deliver(
                        connect,
                        0.5,
                        () -> {
                            try {
                                first.kill9();
                                answeredBeforeKill.set(connect.resultCounts().values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum());
                                second.complete(ConnectxProcess.startHealthy(work, environment, "second.log"));
                            } catch (Exception | AssertionError e) {
                                second.completeExceptionally(e);
                            }
                        },
                        5)
                .join();
        ConnectxProcess restarted = second.join();
        try {
            connect.awaitAllAnswered(ALL_ANSWERED);
            System.out.printf(
                    "fault scenario kill -9: %d of %d tasks answered when the first process was killed%n",
                    answeredBeforeKill.get(), events.size());
            assertTrue(
                    answeredBeforeKill.get() < events.size(),
                    "the kill came mid-stream: " + answeredBeforeKill.get() + " answered");
            report(
                    "kill -9 and restart",
                    "mongodb://127.0.0.1:" + environment.get("CONNECTX_MONGO_EMBEDDED_PORT"),
                    "driver_data");
        } finally {
            restarted.terminate();
        }
    }

    @Test
    void sigterm_under_load_answers_every_finished_write_and_no_unfinished_one() throws Exception {
        Map<String, String> environment = processEnvironment();
        ConnectxProcess process = ConnectxProcess.startHealthy(work, environment, "sigterm.log");
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        // Tasks keep arriving while the process stops: those it took must be answered, the rest left to redelivery.
        int sigtermAt = events.size() / 3;
        for (int i = 0; i < events.size(); i++) {
            if (i == sigtermAt) {
                Thread.ofPlatform().start(() -> {
                    try {
                        exit.complete(process.terminate());
                    } catch (Exception | AssertionError e) {
                        exit.completeExceptionally(e);
                    }
                });
            }
            events.deliverOne(connect, events.requestIds().get(i));
            Pause.millis(5);
        }
        int exitStatus = exit.join();
        Map<String, String> answered = connect.finalResults();
        Set<String> storedRequests;
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, work.resolve("data"));
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            storedRequests = new HashSet<>(Flux.from(client.getDatabase("connectx")
                            .getCollection("driver_data")
                            .find())
                    .map(document -> document.getString("request_id"))
                    .collectList()
                    .block(Duration.ofSeconds(60)));
        }
        Set<String> answeredSuccess = new HashSet<>();
        answered.forEach((task, result) -> {
            if (result.equals("success")) {
                answeredSuccess.add(events.requestOf(task));
            }
        });
        String line =
                "fault scenario %-28s sent %d, stored at exit %d, answered success %d, stored but unanswered %d, answered but not stored %d, exit status %d"
                        .formatted(
                                "sigterm under load:",
                                events.size(),
                                storedRequests.size(),
                                answeredSuccess.size(),
                                storedRequests.stream()
                                        .filter(id -> !answeredSuccess.contains(id))
                                        .count(),
                                answeredSuccess.stream()
                                        .filter(id -> !storedRequests.contains(id))
                                        .count(),
                                exitStatus);
        System.out.println(line);
        assertEquals(storedRequests, answeredSuccess, line);
        assertTrue(storedRequests.size() < events.size(), "the stop came mid-stream: " + line);
        assertTrue(process.log().contains("connectx stopped"), process.log());

        ConnectxProcess restarted = ConnectxProcess.startHealthy(work, environment, "after-sigterm.log");
        try {
            connect.awaitAllAnswered(ALL_ANSWERED);
            report(
                    "sigterm, then restart",
                    "mongodb://127.0.0.1:" + environment.get("CONNECTX_MONGO_EMBEDDED_PORT"),
                    "driver_data");
        } finally {
            restarted.terminate();
        }
    }

    private FaultCounts report(String scenario, String connectionString, String collection) {
        FaultCounts counts = FaultCounts.measure(connect, events, connectionString, collection);
        String summary = counts.summary(scenario, Duration.ofNanos(System.nanoTime() - started));
        System.out.println(summary);
        counts.assertNothingLostOrDoubled(summary);
        return counts;
    }

    private ConnectxApp startApp(Map<String, String> storage) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "CONNECTX_HTTP_PORT",
                "0",
                "CONNECTX_MONGO_EMBEDDED_PORT",
                "0",
                "CONNECTX_DATA_DIR",
                work.resolve("data").toString(),
                "API_KEY",
                KEY,
                "ENVIRONMENT_ID",
                "ENV-9000-9000-01",
                "SERVER_ADDRESS",
                connect.serverAddress(),
                "API_ADDRESS",
                connect.apiAddress()));
        settings.putAll(storage);
        ConnectxApp app = ConnectxApp.start(Config.just(ConfigSources.create(settings)));
        connect.awaitHandshakes(1, Duration.ofSeconds(30));
        return app;
    }

    private Map<String, String> processEnvironment() throws IOException {
        return Map.of(
                "CONNECTX_HTTP_PORT", String.valueOf(LoopbackPorts.free()),
                "CONNECTX_MONGO_EMBEDDED_PORT", String.valueOf(LoopbackPorts.free()),
                "CONNECTX_DATA_DIR", work.resolve("data").toString(),
                "API_KEY", KEY,
                "ENVIRONMENT_ID", "ENV-9000-9000-01",
                "SERVER_ADDRESS", connect.serverAddress(),
                "API_ADDRESS", connect.apiAddress());
    }
}
