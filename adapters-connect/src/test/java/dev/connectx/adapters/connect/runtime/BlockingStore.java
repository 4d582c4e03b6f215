package dev.connectx.adapters.connect.runtime;

import dev.connectx.application.port.out.EventCounts;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.application.testing.InMemorySubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.SubscriptionEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds the first save until released, to finish a task while the connection is down. */
record BlockingStore(InMemorySubscriptionEventStore delegate, CountDownLatch entered, CountDownLatch release)
        implements SubscriptionEventStore {
    @Override
    public SaveResult save(SubscriptionEvent event) {
        entered.countDown();
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return delegate.save(event);
    }

    @Override
    public Optional<SubscriptionEvent> find(EventKey key) {
        return delegate.find(key);
    }

    @Override
    public List<dev.connectx.domain.SubscriptionEventSummary> summaries(EventQuery query) {
        return delegate.summaries(query);
    }

    @Override
    public long countUnreadable() {
        return delegate.countUnreadable();
    }

    @Override
    public long count(EventQuery query) {
        return delegate.count(query);
    }

    @Override
    public EventCounts countEvents() {
        return delegate.countEvents();
    }

    @Override
    public boolean isReachable() {
        return true;
    }

    @Override
    public String describe() {
        return "blocking";
    }

    @Override
    public void close() {}
}
