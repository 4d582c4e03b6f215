package dev.connectx.bootstrap.realmongo;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The end-to-end path on MongoDB 8 in a container: a single-node replica set written with majority write concern.
 * Reported as skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class EndToEndOnTestcontainersTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "STORAGE_ADAPTER={0}")
    @ValueSource(strings = {"driver", "http"})
    void connect_to_mongodb_with_majority_writes(String adapter) throws Exception {
        EndToEndOnRealMongo.run(
                MONGO.getReplicaSetUrl("connectx") + "?w=majority&journal=true&readPreference=primary",
                adapter,
                dataDir);
    }
}
