package dev.connectx.adapters.mongo.driver;

import dev.connectx.application.port.out.BackfillCheckpointStore;
import dev.connectx.application.testing.BackfillCheckpointStoreContractTest;
import dev.connectx.embedded.mongo.EmbeddedMongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The checkpoint store contract on the embedded server (mongo-java-server). */
class MongoDriverCheckpointsOnEmbeddedServerTest extends BackfillCheckpointStoreContractTest {

    private static EmbeddedMongoServer server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected BackfillCheckpointStore openStore() {
        MongoDriverSettings settings = MongoDriverSettings.of(server.connectionString());
        return MongoDriverBackfillCheckpointStore.open(settings, SharedMongoClient.create(settings));
    }
}
