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

    @Override
    protected SubscriptionEventStore openEmptyStore() {
        String uri = MONGO.getReplicaSetUrl("connectx") + "?w=majority&journal=true";
        return MongoDriverSubscriptionEventStore.open(MongoDriverSettings.of(uri).withCollection("events_" + UUID.randomUUID()));
    }
}
