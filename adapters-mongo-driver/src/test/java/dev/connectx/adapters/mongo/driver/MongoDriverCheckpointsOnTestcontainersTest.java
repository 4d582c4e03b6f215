package dev.connectx.adapters.mongo.driver;

import dev.connectx.application.port.out.BackfillCheckpointStore;
import dev.connectx.application.testing.BackfillCheckpointStoreContractTest;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The checkpoint store contract on a real MongoDB 8, where a lease's conditional upsert meets the server's own
 * duplicate-key rules. Reported as skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoDriverCheckpointsOnTestcontainersTest extends BackfillCheckpointStoreContractTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @Override
    protected BackfillCheckpointStore openStore() {
        MongoDriverSettings settings =
                MongoDriverSettings.of(MONGO.getReplicaSetUrl("connectx") + "?w=majority&journal=true");
        return MongoDriverBackfillCheckpointStore.open(settings, SharedMongoClient.create(settings));
    }
}
