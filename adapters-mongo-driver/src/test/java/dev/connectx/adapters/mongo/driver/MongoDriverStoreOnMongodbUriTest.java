package dev.connectx.adapters.mongo.driver;

import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.application.testing.SubscriptionEventStoreContractTest;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The store contract on whatever MongoDB {@code MONGODB_URI} names (Atlas, a replica set, a local mongod). Each
 * test writes to a new collection in database {@code connectx_test}. Skipped when the variable is not set.
 */
@EnabledIfEnvironmentVariable(named = "MONGODB_URI", matches = "mongodb(\\+srv)?://.+")
class MongoDriverStoreOnMongodbUriTest extends SubscriptionEventStoreContractTest {

    private String collection;

    @Override
    protected SubscriptionEventStore openEmptyStore() {
        collection = "events_" + UUID.randomUUID();
        return MongoDriverSubscriptionEventStore.open(MongoDriverSettings.of(System.getenv("MONGODB_URI"))
                .withDatabase("connectx_test")
                .withCollection(collection));
    }

    @Override
    protected void putForeignDocument(String extendedJson) {
        ForeignDocuments.insert(System.getenv("MONGODB_URI"), "connectx_test", collection, extendedJson);
    }
}
