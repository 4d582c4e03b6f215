package dev.connectx.adapters.mongo.http;

import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.application.testing.SubscriptionEventStoreContractTest;
import java.time.Duration;
import java.util.UUID;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import reactor.core.publisher.Mono;

/** The store contract through connectx's own Data API server, in front of the embedded MongoDB. */
class DataApiStoreOnConnectxServerTest extends SubscriptionEventStoreContractTest {

    private static ConnectxDataApiServer server;

    @BeforeAll
    static void start() {
        server = ConnectxDataApiServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String collection;

    @Override
    protected SubscriptionEventStore openEmptyStore() {
        collection = "events_" + UUID.randomUUID();
        return DataApiSubscriptionEventStore.open(server.settings(collection));
    }

    @Override
    protected void putForeignDocument(String extendedJson) {
        Mono.from(server.mongoClient()
                        .getDatabase("connectx")
                        .getCollection(collection, BsonDocument.class)
                        .insertOne(BsonDocument.parse(extendedJson)))
                .block(Duration.ofSeconds(20));
    }
}
