package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import dev.connectx.testing.support.LoopbackPorts;
import dev.connectx.testing.support.RepositoryFiles;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole app, started in this JVM as Main starts it, over real HTTP and a real (embedded) MongoDB. */
class ConnectxAppTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SAMPLE = RepositoryFiles.file("samples/purchase-request.json");

    @TempDir
    Path dataDir;

    private Config config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "CONNECTX_HTTP_PORT", "0",
                "CONNECTX_MONGO_EMBEDDED_PORT", "0",
                "CONNECTX_DATA_DIR", dataDir.toString()));
        values.putAll(overrides);
        return Config.just(ConfigSources.create(values));
    }

    @Test
    void the_sample_posted_twice_is_stored_once_and_survives_a_restart() throws Exception {
        String sample = Files.readString(SAMPLE);
        int mongoPort;
        try (ConnectxApp app = ConnectxApp.start(config(Map.of()))) {
            mongoPort = app.embeddedMongo().orElseThrow().address().getPort();
            String first = LocalDeliveries.post(app, sample);
            String second = LocalDeliveries.post(app, sample);

            assertEquals(
                    "{\"result\":\"success\",\"message\":\"stored PR-5571-0393-2216-001/pending/2023-01-18T10:02:13Z\"}",
                    first);
            assertTrue(second.startsWith("{\"result\":\"success\""), second);
            assertEquals(1, StoredEvents.documents(app).size());
        }

        try (ConnectxApp restarted =
                ConnectxApp.start(config(Map.of("CONNECTX_MONGO_EMBEDDED_PORT", String.valueOf(mongoPort))))) {
            List<Document> kept = StoredEvents.documents(restarted);
            assertEquals(1, kept.size());
            assertEquals(
                    "PR-5571-0393-2216-001",
                    kept.getFirst().get("request", Document.class).get("id"));
            assertTrue(LocalDeliveries.post(restarted, sample).startsWith("{\"result\":\"success\""));
            assertEquals(1, StoredEvents.documents(restarted).size());
        }
    }

    @Test
    void health_is_up_with_the_store_named_and_metrics_count_results() throws Exception {
        try (ConnectxApp app = ConnectxApp.start(config(Map.of()))) {
            double successesBefore = successCount(app);
            LocalDeliveries.post(
                    app, Files.readString(SAMPLE).replace("PR-5571-0393-2216-001", "PR-5571-0393-2216-777"));
            assertEquals(successesBefore + 1, successCount(app), "one more success counted (the registry is JVM-wide)");
            try (HttpClientResponse health = client(app).get("/observe/health").request()) {
                assertEquals(200, health.status().code());
                String body = health.as(String.class);
                assertTrue(body.startsWith("{\"status\":\"UP\""), body);
                assertTrue(body.contains("MongoDB driver store, collection connectx.driver_data"), body);
            }
        }
    }

    private static double successCount(ConnectxApp app) {
        try (HttpClientResponse metrics = client(app).get("/observe/metrics").request()) {
            return metrics.as(String.class)
                    .lines()
                    .filter(line -> line.startsWith("connectx_events_recorded_total{")
                            && line.contains("event_type=\"asset_purchase_request_processing\"")
                            && line.contains("result=\"success\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no connectx_events_recorded_total metric"));
        }
    }

    @Test
    void health_is_down_while_an_external_store_is_unreachable() throws Exception {
        int closedPort = LoopbackPorts.free();
        try (ConnectxApp app = ConnectxApp.start(config(Map.of(
                        "MONGODB_URI",
                        "mongodb://connectx:s3cret@127.0.0.1:" + closedPort + "/",
                        "CONNECTX_MONGO_SERVER_SELECTION_TIMEOUT",
                        "300")));
                HttpClientResponse health = client(app).get("/observe/health").request()) {
            assertEquals(503, health.status().code());
            String body = health.as(String.class);
            assertTrue(body.contains("\"DOWN\""), body);
            assertFalse(body.contains("s3cret"), body);
            assertTrue(app.embeddedMongo().isEmpty(), "no embedded server when MONGODB_URI is set");
            try (HttpClientResponse status = client(app).get("/api/status").request()) {
                String text = status.as(String.class);
                assertTrue(
                        text.contains("\"error\":\"no MongoDB server answered within the timeout (127.0.0.1:"
                                + closedPort + "): Connection refused\""),
                        "the outage as its cause, not the driver's view of the cluster: " + text);
            }
        }
    }

    @Test
    void a_taken_embedded_port_stops_the_start_with_a_clear_message_and_nothing_left_running() throws Exception {
        int httpPort = LoopbackPorts.free();
        try (EmbeddedMongoServer squatter = EmbeddedMongoServer.startInMemory("127.0.0.1", 0)) {
            int taken = squatter.address().getPort();

            StartupException e = assertThrows(
                    StartupException.class,
                    () -> ConnectxApp.start(config(Map.of(
                            "CONNECTX_MONGO_EMBEDDED_PORT",
                            String.valueOf(taken),
                            "CONNECTX_HTTP_PORT",
                            String.valueOf(httpPort)))));

            assertTrue(e.getMessage().contains("127.0.0.1:" + taken + ", which is already in use"), e.getMessage());
            assertTrue(e.getMessage().contains("CONNECTX_MONGO_EMBEDDED_PORT"), e.getMessage());
        }
        try (ServerSocket reuse = new ServerSocket(httpPort, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertTrue(reuse.isBound(), "the HTTP port was released");
        }
    }

    @Test
    void invalid_configuration_stops_the_start_naming_the_key() {
        StartupException e = assertThrows(
                StartupException.class,
                () -> ConnectxApp.start(config(Map.of("CONNECTX_STATUSES", "pending,drafted"))));

        assertTrue(e.getMessage().startsWith("invalid configuration: CONNECTX_STATUSES: 'drafted'"), e.getMessage());
    }

    private static WebClient client(ConnectxApp app) {
        return WebClient.builder().baseUri("http://127.0.0.1:" + app.httpPort()).build();
    }
}
