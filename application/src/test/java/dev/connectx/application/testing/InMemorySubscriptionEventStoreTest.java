package dev.connectx.application.testing;

import dev.connectx.application.port.out.SubscriptionEventStore;

/** The fake used by the core's tests keeps the same contract as the real stores. */
class InMemorySubscriptionEventStoreTest extends SubscriptionEventStoreContractTest {

    @Override
    protected SubscriptionEventStore openEmptyStore() {
        return new InMemorySubscriptionEventStore();
    }
}
