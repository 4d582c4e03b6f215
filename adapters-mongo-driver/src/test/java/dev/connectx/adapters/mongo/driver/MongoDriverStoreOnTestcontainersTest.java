package dev.connectx.adapters.mongo.driver;

import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.application.testing.SubscriptionEventStoreContractTest;
import java.util.UUID;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The store contract on a real MongoDB 8, a single-node replica set, with majority writes. Reported as skipped
 * where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoDriverStoreOnTestcontainersTest extends SubscriptionEventStoreContractTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    private String collection;

    @Override
    protected SubscriptionEventStore openEmptyStore() {
        collection = "events_" + UUID.randomUUID();
        return MongoDriverSubscriptionEventStore.open(
                MongoDriverSettings.of(uri()).withCollection(collection));
    }

    @Override
    protected void putForeignDocument(String extendedJson) {
        ForeignDocuments.insert(uri(), "connectx", collection, extendedJson);
    }

    private static String uri() {
        return MONGO.getReplicaSetUrl("connectx") + "?w=majority&journal=true";
    }
}
