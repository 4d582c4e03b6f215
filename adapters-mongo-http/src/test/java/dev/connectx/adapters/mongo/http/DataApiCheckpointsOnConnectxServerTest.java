package dev.connectx.adapters.mongo.http;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.application.port.out.BackfillCheckpointStore;
import dev.connectx.application.testing.BackfillCheckpointStoreContractTest;
import dev.connectx.dataapi.DataApiService;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The checkpoint store contract through connectx's own Data API server, in front of the embedded MongoDB. */
class DataApiCheckpointsOnConnectxServerTest extends BackfillCheckpointStoreContractTest {

    private static final String KEY = "contract-key";
    private static EmbeddedMongoServer mongo;
    private static MongoClient client;
    private static WebServer server;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
        client = MongoClients.create(mongo.connectionString());
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.register(
                        new DataApiService(client, Set.of(KEY), Set.of("connectx"), Duration.ofSeconds(10))))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        client.close();
        mongo.close();
    }

    @Override
    protected BackfillCheckpointStore openStore() {
        return DataApiBackfillCheckpointStore.open(new DataApiSettings(
                URI.create("http://127.0.0.1:" + server.port() + "/app/data-abcde/endpoint/data/v1"),
                KEY,
                DataApiSettings.DEFAULT_API_KEY_HEADER,
                "Cluster0",
                "connectx",
                DataApiSettings.DEFAULT_COLLECTION,
                Duration.ofSeconds(20)));
    }
}
