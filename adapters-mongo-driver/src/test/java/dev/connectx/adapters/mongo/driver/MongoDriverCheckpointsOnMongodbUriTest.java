package dev.connectx.adapters.mongo.driver;

import dev.connectx.application.port.out.BackfillCheckpointStore;
import dev.connectx.application.testing.BackfillCheckpointStoreContractTest;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The checkpoint store contract on whatever MongoDB {@code MONGODB_URI} names, in database {@code connectx_test}.
 * Skipped when the variable is not set.
 */
@EnabledIfEnvironmentVariable(named = "MONGODB_URI", matches = "mongodb(\\+srv)?://.+")
class MongoDriverCheckpointsOnMongodbUriTest extends BackfillCheckpointStoreContractTest {

    @Override
    protected BackfillCheckpointStore openStore() {
        MongoDriverSettings settings =
                MongoDriverSettings.of(System.getenv("MONGODB_URI")).withDatabase("connectx_test");
        return MongoDriverBackfillCheckpointStore.open(settings, SharedMongoClient.create(settings));
    }
}
