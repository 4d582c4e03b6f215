package dev.connectx.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.dataapi.DataApiService;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.simulator.TaskResult;
import dev.connectx.testing.support.PurchaseRequestJson;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.WebServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run with known secret values, through the paths where a secret could slip out: a MongoDB password the
 * server cannot check, a database host that does not resolve, a Data API key that is refused, then accepted, a
 * per-installation key. Every log record at every level (with stack traces), every result message, every frame
 * sent to Connect and the health and metrics output are searched for each secret.
 */
class SecretsNeverLeakTest {

    private static final String CONNECT_TOKEN = "ApiKey SU-300-300-300:ConnectTokenSecret9f3a";
    private static final String INSTALLATION_KEY = "ApiKey SU-400-400-400:InstallationKeySecret71c2";
    private static final String DATA_API_KEY = "DataApiKeySecret5d8e";
    private static final String WRONG_DATA_API_KEY = "WrongDataApiKeySecret0b4c";
    private static final String URI_PASSWORD = "UriPasswordSecret4e1f";
    private static final String DB_PASSWORD = "DbPasswordSecret8a2d";
    private static final List<String> SECRETS = List.of(
            "ConnectTokenSecret9f3a",
            "InstallationKeySecret71c2",
            DATA_API_KEY,
            WRONG_DATA_API_KEY,
            URI_PASSWORD,
            DB_PASSWORD);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final AtomicInteger requests = new AtomicInteger();

    @Test
    void no_secret_appears_in_logs_messages_frames_or_observe_output() throws Exception {
        List<String> outputs = new ArrayList<>();
        try (CapturedLog log = CapturedLog.from(Level.ALL);
                ConnectSimulator connect = ConnectSimulator.start(CONNECT_TOKEN, 0);
                EmbeddedMongoServer mongo = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
                MongoClient dataApiClient = MongoClients.create(mongo.connectionString())) {
            WebServer dataApi = WebServer.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .shutdownHook(false)
                    .routing(routing -> routing.register(
                            new DataApiService(dataApiClient, Set.of(DATA_API_KEY), Set.of("connectx"), WAIT)))
                    .build()
                    .start();
            int mongoPort = mongo.address().getPort();
            try (ConnectxApp app = ConnectxApp.start(Config.just(ConfigSources.create(Map.ofEntries(
                    Map.entry("CONNECTX_HTTP_PORT", "0"),
                    Map.entry("CONNECTX_DATA_DIR", dataDir.toString()),
                    Map.entry("API_KEY", CONNECT_TOKEN),
                    Map.entry("ENVIRONMENT_ID", "ENV-3000-3000-01"),
                    Map.entry("SERVER_ADDRESS", connect.serverAddress()),
                    Map.entry("API_ADDRESS", connect.apiAddress()),
                    Map.entry("DB_HOST", "cluster0.connectx.invalid"),
                    Map.entry("DB_USER", "connectx"),
                    Map.entry("DB_PASSWORD", DB_PASSWORD),
                    Map.entry("CONNECTX_MONGO_SERVER_SELECTION_TIMEOUT", "1000"),
                    Map.entry("CONNECTX_STORE_TIMEOUT", "2000")))))) {
                connect.awaitHandshakes(1, WAIT);

                assertEquals("retry", deliver(connect, null).result(), "the host does not resolve");

                // mongo-java-server has no authentication: the driver's login fails, another error path.
                connect.pushVariables(Map.of(
                        "MONGODB_URI",
                        "mongodb://connectx:" + URI_PASSWORD + "@127.0.0.1:" + mongoPort + "/?authSource=admin"));
                awaitStore(app, "127.0.0.1:" + mongoPort);
                assertEquals("retry", deliver(connect, null).result(), "the store cannot log in");

                String endpoint = "http://127.0.0.1:" + dataApi.port() + "/app/connectx/endpoint/data/v1";
                connect.pushVariables(Map.of(
                        "STORAGE_ADAPTER", "http", "DATA_API_ENDPOINT", endpoint, "API_KEY", WRONG_DATA_API_KEY));
                awaitStore(app, "Data API store");
                assertEquals("fail", deliver(connect, null).result(), "the Data API refuses the key");

                connect.pushVariables(
                        Map.of("STORAGE_ADAPTER", "http", "DATA_API_ENDPOINT", endpoint, "API_KEY", DATA_API_KEY));
                assertEquals("success", deliverUntilSuccess(connect), "stored with the right key, for an installation");

                WebClient http = WebClient.builder()
                        .baseUri("http://127.0.0.1:" + app.httpPort())
                        .build();
                for (String path : List.of("/observe/health", "/observe/metrics")) {
                    try (HttpClientResponse response = http.get(path).request()) {
                        outputs.add(path + ": " + response.as(String.class));
                    }
                }
            } finally {
                dataApi.stop();
            }
            connect.results()
                    .forEach(result -> outputs.add("result message of " + result.taskId() + ": " + result.message()));
            connect.framesFromRunner()
                    .forEach(frame -> outputs.add("frame to Connect: "
                            // A task's result echoes the task as Connect sent it, options.api_key included: Connect's
                            // own key, not a leak.
                            + frame.replace(INSTALLATION_KEY, "<the installation key Connect sent>")));
            outputs.add("log: " + log.text());
            assertTrue(log.size() > 100, "the log was captured at every level: " + log.size() + " records");
        }
        for (String secret : SECRETS) {
            for (String output : outputs) {
                int at = output.indexOf(secret);
                assertFalse(
                        at >= 0,
                        () -> "secret " + secret + " leaked in: …"
                                + output.substring(Math.max(0, at - 300), Math.min(output.length(), at + 100)));
            }
        }
        assertTrue(
                outputs.stream()
                        .anyMatch(output -> output.contains("connectx:*****@") || output.contains("connectx:***")),
                "a connection string was printed, redacted");
    }

    private TaskResult deliver(ConnectSimulator connect, String installationKey) {
        String requestId = "PR-3000-0000-%04d-001".formatted(requests.incrementAndGet());
        connect.putRequest(PurchaseRequestJson.of(
                requestId, "pending", "2026-11-27T10:00:00+00:00", "AS-3000-0000-0001", "PRD-000-000-001"));
        String taskId = installationKey == null
                ? connect.deliver(requestId)
                : connect.deliverForInstallation(requestId, installationKey);
        return connect.awaitResult(taskId, WAIT);
    }

    /** The store with the new key replaces the old one in the background: delivers until it answers (bounded). */
    private String deliverUntilSuccess(ConnectSimulator connect) throws InterruptedException {
        String result = "";
        for (int attempt = 0; attempt < 50 && !result.equals("success"); attempt++) {
            result = deliver(connect, INSTALLATION_KEY).result();
            Thread.sleep(100);
        }
        return result;
    }

    /** Waits until the store's description contains {@code text}. */
    private static void awaitStore(ConnectxApp app, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!app.storeDescription().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the store is still " + app.storeDescription());
            }
            Thread.sleep(10);
        }
    }
}
