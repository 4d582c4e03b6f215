package dev.connectx.bootstrap.realmongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.bootstrap.ConnectxApp;
import dev.connectx.bootstrap.TestConfig;
import dev.connectx.simulator.ConnectSimulator;
import dev.connectx.testing.support.RepositoryFiles;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * The end-to-end path against a real MongoDB: Connect (the simulator) sends the sample twice, connectx stores it
 * once through the driver (or through its own Data API server in front of the same MongoDB), and the read API
 * answers from it. The subclasses say where the MongoDB is.
 */
final class EndToEndOnRealMongo {

    private static final String KEY = "ApiKey SU-600-600-600:real-mongo-token";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private EndToEndOnRealMongo() {}

    static void run(String mongodbUri, String adapter, Path dataDir) throws Exception {
        String collection = "e2e_" + UUID.randomUUID().toString().replace("-", "");
        String dataApiKey = "e2e-data-api-key";
        try (ConnectSimulator connect = ConnectSimulator.start(KEY, 0)) {
            Map<String, String> settings = new java.util.HashMap<>(TestConfig.with(
                    TestConfig.connected(dataDir, connect, KEY, "ENV-6000-6000-01"),
                    "MONGODB_URI",
                    mongodbUri,
                    "DRIVER_COLLECTION",
                    collection,
                    "HTTP_COLLECTION",
                    collection));
            settings.remove("CONNECTX_MONGO_EMBEDDED_PORT");
            if (adapter.equals("http")) {
                settings.putAll(Map.of("CONNECTX_DATA_API_SERVER", "true", "DATA_API_KEYS", dataApiKey));
            }
            try (ConnectxApp app = ConnectxApp.start(Config.just(ConfigSources.create(settings)))) {
                connect.awaitHandshakes(1, WAIT);
                if (adapter.equals("http")) {
                    connect.pushVariables(Map.of(
                            "STORAGE_ADAPTER",
                            "http",
                            "API_KEY",
                            dataApiKey,
                            "DATA_API_ENDPOINT",
                            "http://127.0.0.1:" + app.httpPort() + "/app/connectx/endpoint/data/v1"));
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    while (!app.storeDescription().startsWith("Data API store") && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                }
                connect.putRequest(RepositoryFiles.samplePurchaseRequest());
                assertEquals(
                        "success",
                        connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                                .result());
                assertEquals(
                        "success",
                        connect.awaitResult(connect.deliver("PR-5571-0393-2216-001"), WAIT)
                                .result(),
                        "redelivery");

                try (HttpClientResponse response = WebClient.create()
                        .get()
                        .uri(URI.create("http://127.0.0.1:" + app.httpPort() + "/api/assets/AS-5571-0393-2216"))
                        .request()) {
                    String asset = response.as(String.class);
                    assertEquals(200, response.status().code(), asset);
                    assertTrue(asset.contains("\"events\":1") && asset.contains("\"status\":\"pending\""), asset);
                }
            }
            try (MongoClient client = MongoClients.create(mongodbUri)) {
                var events = client.getDatabase("connectx").getCollection(collection);
                assertEquals(1L, Mono.from(events.countDocuments()).block(WAIT));
                Document stored = Mono.from(events.find().first()).block(WAIT);
                assertEquals("PR-5571-0393-2216-001", stored.getString("request_id"));
                Mono.from(events.drop()).block(WAIT);
            }
        }
    }
}
