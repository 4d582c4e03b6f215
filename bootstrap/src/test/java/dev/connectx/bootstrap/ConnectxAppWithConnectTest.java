package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.RepositoryFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** The whole app as a Connect extension: the Python runner's environment, pointed at a Connect peer on loopback. */
class ConnectxAppWithConnectTest {

    private static final String KEY = "ApiKey SU-111-222-333:secret-token-value";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String DATA_API_KEY = "local-data-api-key";

    @TempDir
    Path dataDir;

    private ConnectSimulator connect;
    private ConnectxApp app;

    @BeforeEach
    void start() {
        connect = ConnectSimulator.start(KEY, 0);
        app = ConnectxApp.start(TestConfig.config(TestConfig.with(
                TestConfig.connected(dataDir, connect, KEY, "ENV-1234-5678-01"),
                "CONNECTX_DATA_API_SERVER",
                "true",
                "DATA_API_KEYS",
                DATA_API_KEY)));
        connect.awaitHandshakes(1, WAIT);
    }

    @AfterEach
    void stop() {
        app.close();
        connect.close();
    }

    @Test
    void an_event_from_connect_is_stored_and_answered_success() throws Exception {
        connect.putRequest(sample());

        assertEquals(
                "success",
                connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                        .result());
        assertEquals(
                "success",
                connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                        .result(),
                "redelivery");

        assertEquals(1, count("driver_data"));
    }

    @Test
    void a_configuration_change_moves_the_next_event_to_another_collection_without_a_restart() throws Exception {
        String sample = sample();
        connect.putRequest(sample);
        assertEquals(
                "success",
                connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                        .result());

        connect.pushVariables(Map.of("DRIVER_COLLECTION", "moved_here"));
        awaitStoreDescribedAs("MongoDB driver store, collection connectx.moved_here");
        connect.putRequest(sample.replace("\"status\": \"pending\"", "\"status\": \"approved\""));
        assertEquals(
                "success",
                connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                        .result());

        assertEquals(1, count("driver_data"));
        assertEquals(1, count("moved_here"));
    }

    @Test
    void an_invalid_configuration_change_keeps_the_current_store() throws Exception {
        connect.pushVariables(Map.of("DB", "not.valid"));
        connect.putRequest(sample());

        assertEquals(
                "success",
                connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                        .result());
        assertTrue(app.storeDescription().contains("connectx.driver_data"), app.storeDescription());
    }

    @Test
    void a_live_swap_to_the_http_adapter_sends_the_next_event_through_the_data_api_without_a_restart()
            throws Exception {
        String sample = sample();
        connect.putRequest(sample);
        assertEquals(
                "success",
                connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                        .result());

        connect.pushVariables(Map.of(
                "STORAGE_ADAPTER",
                "http",
                "DATA_API_ENDPOINT",
                "http://127.0.0.1:" + app.httpPort() + "/app/connectx/endpoint/data/v1",
                "API_KEY",
                DATA_API_KEY));
        awaitStoreDescribedAs("Data API store, collection connectx.http_data");
        connect.putRequest(sample.replace("\"status\": \"pending\"", "\"status\": \"approved\""));
        assertEquals(
                "success",
                connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                        .result());

        assertEquals(1, count("driver_data"));
        assertEquals(1, count("http_data"), "the second event went through HTTP into the same MongoDB");
    }

    @Test
    void an_unknown_storage_adapter_from_connect_is_refused_and_the_store_kept() throws Exception {
        connect.pushVariables(Map.of("STORAGE_ADAPTER", "postgres"));
        connect.putRequest(sample());

        assertEquals(
                "success",
                connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                        .result());
        assertTrue(app.storeDescription().startsWith("MongoDB driver store"), app.storeDescription());
    }

    @Test
    void health_shows_the_connection_to_connect_and_stays_up_when_it_is_lost() throws Exception {
        assertTrue(health().contains("\"connected\":true"), health());
        assertTrue(health().contains("\"target\":\"" + connect.serverAddress()), health());

        connect.close(); // Connect goes away; connectx keeps trying in the background

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (health().contains("\"connected\":true") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String body = health();
        assertTrue(body.contains("\"connected\":false") && body.startsWith("{\"status\":\"UP\""), body);
    }

    private String health() {
        try (io.helidon.webclient.api.HttpClientResponse response = io.helidon.webclient.api.WebClient.create()
                .get()
                .uri(java.net.URI.create("http://127.0.0.1:" + app.httpPort() + "/observe/health"))
                .request()) {
            return response.as(String.class);
        }
    }

    @Test
    void shutdown_from_connect_ends_the_process_with_status_0() throws Exception {
        connect.sendShutdown();

        assertEquals(0, app.exitStatus().get(20, TimeUnit.SECONDS));
    }

    private static String sample() throws java.io.IOException {
        return RepositoryFiles.samplePurchaseRequest();
    }

    /** Waits until the configuration change has replaced the store. */
    private void awaitStoreDescribedAs(String start) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!app.storeDescription().startsWith(start)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the store is still " + app.storeDescription());
            }
            Thread.sleep(10);
        }
    }

    private long count(String collection) {
        try (MongoClient client =
                MongoClients.create(app.embeddedMongo().orElseThrow().connectionString())) {
            return Mono.from(client.getDatabase("connectx")
                            .getCollection(collection)
                            .countDocuments())
                    .block(WAIT);
        }
    }
}
