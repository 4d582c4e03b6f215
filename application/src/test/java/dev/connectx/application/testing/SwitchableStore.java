package dev.connectx.application.testing;

import dev.connectx.application.port.out.EventCounts;
import dev.connectx.application.port.out.EventQuery;
import dev.connectx.application.port.out.SaveResult;
import dev.connectx.application.port.out.SubscriptionEventStore;
import dev.connectx.domain.EventKey;
import dev.connectx.domain.SubscriptionEvent;
import dev.connectx.domain.SubscriptionEventSummary;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A store that passes every call to the one a test has put in place, so that a test can switch stores mid-run. */
public final class SwitchableStore implements SubscriptionEventStore {

    private final AtomicReference<SubscriptionEventStore> current;

    public SwitchableStore(SubscriptionEventStore first) {
        this.current = new AtomicReference<>(first);
    }

    public void switchTo(SubscriptionEventStore next) {
        current.set(next);
    }

    public SubscriptionEventStore current() {
        return current.get();
    }

    @Override
    public SaveResult save(SubscriptionEvent event) {
        return current.get().save(event);
    }

    @Override
    public Optional<SubscriptionEvent> find(EventKey key) {
        return current.get().find(key);
    }

    @Override
    public List<SubscriptionEventSummary> summaries(EventQuery query) {
        return current.get().summaries(query);
    }

    @Override
    public long count(EventQuery query) {
        return current.get().count(query);
    }

    @Override
    public EventCounts countEvents() {
        return current.get().countEvents();
    }

    @Override
    public long countUnreadable() {
        return current.get().countUnreadable();
    }

    @Override
    public boolean isReachable() {
        return current.get().isReachable();
    }

    @Override
    public String describe() {
        return current.get().describe();
    }

    @Override
    public void close() {
        current.get().close();
    }
}
