package dev.connectx.adapters.mongo.driver;

import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.application.testing.SubscriptionEventStoreContractTest;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded server connectx uses by default (mongo-java-server, H2 file backend). */
class MongoDriverStoreOnEmbeddedServerTest extends SubscriptionEventStoreContractTest {

    @TempDir
    static Path dataDir;

    private static EmbeddedMongoServer server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.startPersistent("127.0.0.1", 0, dataDir);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private String collection;

    @Override
    protected SubscriptionEventStore openEmptyStore() {
        collection = "events_" + UUID.randomUUID();
        return MongoDriverSubscriptionEventStore.open(
                MongoDriverSettings.of(server.connectionString()).withCollection(collection));
    }

    @Override
    protected void putForeignDocument(String extendedJson) {
        ForeignDocuments.insert(
                server.connectionString(), MongoDriverSettings.DEFAULT_DATABASE, collection, extendedJson);
    }
}
