package dev.connectx.adapters.mongo.http;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.application.testing.SubscriptionEventStoreContractTest;
import dev.connectx.dataapi.DataApiService;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract through connectx's own Data API server, in front of the embedded MongoDB. */
class DataApiStoreOnConnectxServerTest extends SubscriptionEventStoreContractTest {

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

    private String collection;

    @Override
    protected SubscriptionEventStore openEmptyStore() {
        collection = "events_" + UUID.randomUUID();
        return DataApiSubscriptionEventStore.open(new DataApiSettings(
                URI.create("http://127.0.0.1:" + server.port() + "/app/data-abcde/endpoint/data/v1"),
                KEY,
                DataApiSettings.DEFAULT_API_KEY_HEADER,
                "Cluster0",
                "connectx",
                collection,
                Duration.ofSeconds(20)));
    }

    @Override
    protected void putForeignDocument(String extendedJson) {
        reactor.core.publisher.Mono.from(client.getDatabase("connectx")
                        .getCollection(collection, org.bson.BsonDocument.class)
                        .insertOne(org.bson.BsonDocument.parse(extendedJson)))
                .block(Duration.ofSeconds(20));
    }
}
